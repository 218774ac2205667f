import AWSProtocol
import CloudTrail

/// Turns a finished call into the CloudTrail event AWS would log for it (AWS: "Logging DynamoDB operations by using AWS CloudTrail",
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/logging-using-cloudtrail.html),
/// or nil for calls a default trail does not log (data events).
enum CallAudit {
    /// Read-only calls: `readOnly: true` and `responseElements: null`.
    static func isReadOnly(_ operation: String) -> Bool {
        ["Describe", "List", "Get", "Lookup"].contains(where: operation.hasPrefix)
    }

    static func event(
        _ operation: RecognizedOperation, input: JSONValue?, call: AuthenticatedCall, result: Result<JSONValue, AWSServiceError>
    ) -> CloudTrailEvent? {
        // Data-plane calls are data events, which a trail logs only when asked (AWS CloudTrail User
        // Guide: "Logging data events"); DynamoTrail's trail logs management events only.
        guard operation.plane == .control else { return nil }
        let target = operation.target
        let context = call.context
        let readOnly = isReadOnly(target.operation)
        var event = CloudTrailEvent(
            context: context, eventSource: target.service.eventSource, eventName: target.operation,
            requestParameters: input.flatMap { requestParameters($0, dateMembers: target.service.timestampMembers) },
            readOnly: readOnly,
            // CloudTrail's own records carry no apiVersion (as CloudTrail's own records in AWS's examples show).
            apiVersion: target.service == .cloudTrail ? nil : "2012-08-10",
            recipientAccountId: context.accountId, eventTime: context.receivedAt)
        switch result {
        case .success(let output):
            if !readOnly { event.responseElements = responseElements(output, dateMembers: target.service.timestampMembers) }
        case .failure(let error):
            recordFailure(error, in: &event)
        }
        return event
    }

    /// Writes a failed call's `errorCode` and `errorMessage`, for management and data events alike.
    static func recordFailure(_ error: AWSServiceError, in event: inout CloudTrailEvent) {
        if error.code == "AccessDeniedException" {
            // Denials are logged as `AccessDenied` and without apiVersion, as real CloudTrail records of denied calls show.
            event.errorCode = AccessDenied.cloudTrailErrorCode
            event.apiVersion = nil
        } else {
            // Unverified: the bare exception name and the wire message (AWS's examples show no failed DynamoDB call).
            event.errorCode = error.code
        }
        event.errorMessage = error.message
    }

    /// The request as CloudTrail mirrors it: keys with their first letter lowercased, timestamps as dates
    /// (`"startTime":"Oct 26, 2025, 11:50:52 PM"`, as in a real 2025 LookupEvents record); null when empty.
    static func requestParameters(_ input: JSONValue, dateMembers: Set<String> = []) -> JSONValue? {
        guard let object = input.objectValue, !object.isEmpty else { return nil }
        return CloudTrailPayload.lowerCamelKeys(CloudTrailPayload.recordDates(in: .object(object), dateMembers: dateMembers))
    }

    /// A mutation's answer: lower-camel keys, timestamps as dates. Every service's dates take the current
    /// form `Oct 26, 2025, 11:50:52 PM` (observed in real 2025 records, eventVersion 1.11); AWS's 2015
    /// DynamoDB examples ("Understanding DynamoDB log file entries") show the older
    /// `"creationDateTime": "May 1, 2015 7:24:55 AM"`, written by an older Java, which current records no longer use.
    static func responseElements(_ output: JSONValue, dateMembers: Set<String> = []) -> JSONValue? {
        guard let object = output.objectValue, !object.isEmpty else { return nil }
        return CloudTrailPayload.lowerCamelKeys(CloudTrailPayload.recordDates(in: .object(object), dateMembers: dateMembers))
    }
}
