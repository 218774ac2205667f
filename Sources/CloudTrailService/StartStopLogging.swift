import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension CloudTrailAPI {
    /// StartLogging / StopLogging: `Name` (name or ARN) → `{}`. Stopping pauses recording into the
    /// trail's log files after the StopLogging record itself (records already pending are still
    /// delivered); the event history keeps going, as AWS's does. The recorder holds the logging
    /// state and its times (GetTrailStatus reads them there). Like AWS, a multi-region trail is started and stopped only from its
    /// home region (botocore doc: "must be called from the Region in which the trail was created");
    /// the InvalidHomeRegionException text is Unverified.
    func setLogging(_ on: Bool, _ input: CloudTrailInput, context: CallContext) async -> Result<JSONValue, AWSServiceError> {
        if case .failure(let error) = requireTrail(input, context: context) { return .failure(error) }
        guard context.region == trailSettings.homeRegion else {
            return .failure(
                CloudTrailError.make(
                    "InvalidHomeRegionException",
                    "This operation must be called from the trail's home region, \(trailSettings.homeRegion)."))
        }
        // StopLogging takes effect in `didRecord`, once its own record is in: the trail's last
        // record is the StopLogging call, and StartLogging's record is the first after the gap.
        if on {
            let now = clock.now()
            await onRecorderQueue { $0.setLogging(true, at: now) }
        }
        return .success(.object(JSONObject()))
    }

    /// Called after a CloudTrail call has been recorded: pauses the recorder after a successful StopLogging.
    public func didRecord(operation: String, result: Result<JSONValue, AWSServiceError>) async {
        guard operation == "StopLogging", case .success = result else { return }
        let now = clock.now()
        await onRecorderQueue { $0.setLogging(false, at: now) }
    }
}
