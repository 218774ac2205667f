import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension CloudTrailAPI {
    /// StartLogging / StopLogging: `Name` (name or ARN) → `{}`. Stopping pauses recording into the
    /// trail's log files after the StopLogging record itself (records already pending are still
    /// delivered); the event history keeps going, as AWS's does. Each account starts and stops its own
    /// trail only; the organization trail is switched by the management account for every account, and a
    /// member account is refused with NotOrganizationMasterAccountException (the exception AWS lists for
    /// these operations; that AWS answers a member with it, and its text, are Unverified). The recorder
    /// holds the logging state and its times (GetTrailStatus reads them there). Like AWS, a multi-region trail is started and stopped only from its
    /// home region (botocore doc: "must be called from the Region in which the trail was created");
    /// the InvalidHomeRegionException text is Unverified.
    func setLogging(_ on: Bool, _ input: CloudTrailInput, context: CallContext) async -> Result<JSONValue, AWSServiceError> {
        if let error = refusedTrailChange(input, member: "Name", context: context) { return .failure(error) }
        let account = loggingAccount(context)
        // StopLogging takes effect in `didRecord`, once its own record is in: the trail's last
        // record is the StopLogging call, and StartLogging's record is the first after the gap.
        if on {
            let now = clock.now()
            await onRecorderQueue { $0.setLogging(true, at: now, account: account) }
        }
        return .success(.object(JSONObject()))
    }

    /// Called after a CloudTrail call has been recorded: after a successful StopLogging, stops the caller's
    /// trail (the organization trail: every account's recording).
    public func didRecord(operation: String, result: Result<JSONValue, AWSServiceError>, context: CallContext) async {
        guard operation == "StopLogging", case .success = result else { return }
        let now = clock.now()
        let account = loggingAccount(context)
        await onRecorderQueue { $0.setLogging(false, at: now, account: account) }
    }

    /// The form without the caller: stops every trail. Kept for callers that have no context.
    public func didRecord(operation: String, result: Result<JSONValue, AWSServiceError>) async {
        guard operation == "StopLogging", case .success = result else { return }
        let now = clock.now()
        await onRecorderQueue { $0.setLogging(false, at: now, account: nil) }
    }
}
