import AWSProtocol
import CloudTrail

extension CloudTrailAPI {
    /// GetEventSelectors: `TrailName` (name or ARN) → `TrailARN` and the trail's basic or advanced
    /// selectors (AWS CloudTrail API Reference: "GetEventSelectors"); a new trail answers AWS's default,
    /// one basic selector `{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[],
    /// "ExcludeManagementEventSources":[]}` (as the CloudTrail User Guide shows it).
    func getEventSelectors(_ input: CloudTrailInput, context: CallContext) -> Result<JSONValue, AWSServiceError> {
        requireTrail(input, member: "TrailName", context: context).map { _ in
            selectorsAnswer(recorder.selection.selectors(account: loggingAccount(context)), context: context)
        }
    }
}
