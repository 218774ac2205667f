import AWSProtocol
import CloudTrail

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension CloudTrailAPI {
    /// GetTrailStatus, members in the model's order (AWS CloudTrail API Reference: "GetTrailStatus"). Timestamps are epoch numbers;
    /// the six `…Attempt…`/`TimeLogging…` members are ISO strings. Members with nothing to report
    /// (no delivery yet, no error, CloudWatch Logs never) are left out; that AWS omits rather than
    /// sends empty strings is Unverified. Notifications count as delivered with the log file
    /// (DynamoTrail writes the notification line in the same step). `IsLogging` and the logging times are the
    /// caller's own trail's (the organization trail's for an organization); the delivery times are the
    /// server's, shared by every account's trail (they deliver together; per-trail times are not kept).
    func getTrailStatus(_ input: CloudTrailInput, context: CallContext) async -> Result<JSONValue, AWSServiceError> {
        if case .failure(let error) = requireTrail(input, context: context) { return .failure(error) }
        let account = loggingAccount(context)
        let (health, state) = await onRecorderQueue { ($0.health, $0.loggingStatus(account: account)) }
        let notifies = trailSettings.notificationFilePath != nil || trailSettings.notifications.webhookURL != nil
        let lastAttempt = [health.lastDeliveryTime, health.lastErrorTime].compactMap { $0 }.max()
        var status = JSONObject()
        status.append("IsLogging", .bool(state.isLogging))
        if let error = health.lastError { status.append("LatestDeliveryError", .string(error)) }
        if let error = health.lastNotificationError { status.append("LatestNotificationError", .string(error)) }
        if let time = health.lastDeliveryTime { status.append("LatestDeliveryTime", .epochSeconds(time)) }
        if notifies, let time = health.lastDeliveryTime { status.append("LatestNotificationTime", .epochSeconds(time)) }
        status.append("StartLoggingTime", .epochSeconds(state.startedAt))
        if let stopped = state.stoppedAt { status.append("StopLoggingTime", .epochSeconds(stopped)) }
        if let time = publicKeys.latestDigestDelivery() { status.append("LatestDigestDeliveryTime", .epochSeconds(time)) }
        if let error = publicKeys.latestDigestDeliveryError() { status.append("LatestDigestDeliveryError", .string(error)) }
        if let time = lastAttempt { status.append("LatestDeliveryAttemptTime", .string(UTCTime(time).iso8601)) }
        if notifies, let time = health.lastDeliveryTime {
            status.append("LatestNotificationAttemptTime", .string(UTCTime(time).iso8601))
            if health.lastNotificationError == nil {
                status.append("LatestNotificationAttemptSucceeded", .string(UTCTime(time).iso8601))
            }
        }
        if let time = health.lastDeliveryTime { status.append("LatestDeliveryAttemptSucceeded", .string(UTCTime(time).iso8601)) }
        status.append("TimeLoggingStarted", .string(UTCTime(state.startedAt).iso8601))
        if let stopped = state.stoppedAt { status.append("TimeLoggingStopped", .string(UTCTime(stopped).iso8601)) }
        return .success(.object(status))
    }
}
