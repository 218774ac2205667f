/// The facts of an event that event selectors test (the record fields "AdvancedFieldSelector" names).
/// Pure value.
public struct SelectableEvent: Sendable, Equatable {
    public var eventCategory: String
    public var eventSource: String
    public var eventName: String
    public var eventType: String
    public var readOnly: Bool
    public var errorCode: String?
    public var userArn: String?
    public var resources: [CloudTrailEvent.Resource]

    public init(
        eventCategory: String, eventSource: String, eventName: String, eventType: String = "AwsApiCall", readOnly: Bool,
        errorCode: String? = nil, userArn: String? = nil, resources: [CloudTrailEvent.Resource] = []
    ) {
        self.eventCategory = eventCategory
        self.eventSource = eventSource
        self.eventName = eventName
        self.eventType = eventType
        self.readOnly = readOnly
        self.errorCode = errorCode
        self.userArn = userArn
        self.resources = resources
    }

    /// The facts of a finished call's event.
    public init(_ event: CloudTrailEvent) {
        self.init(
            eventCategory: event.eventCategory, eventSource: event.eventSource, eventName: event.eventName,
            eventType: event.eventType, readOnly: event.readOnly, errorCode: event.errorCode, userArn: event.context.identity.arn,
            resources: event.resources ?? [])
    }

    /// A management event (everything but data events here: DynamoTrail records no network activity).
    public var isManagement: Bool { eventCategory != "Data" }

    /// The value of a non-resource field as its selectors compare it (`readOnly` as `true`/`false`);
    /// nil for a field the event does not carry.
    public func value(of field: String) -> String? {
        switch field {
        case "eventCategory": eventCategory
        case "eventSource": eventSource
        case "eventName": eventName
        case "eventType": eventType
        case "readOnly": readOnly ? "true" : "false"
        case "errorCode": errorCode
        case "userIdentity.arn": userArn
        default: nil
        }
    }
}
