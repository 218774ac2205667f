import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One finished call as the joining module hands it to CloudTrail: who called (the `CallContext`),
/// what they called, and what the service answered. CloudTrail knows nothing about DynamoDB; the
/// payloads arrive already shaped (lower-camel keys, Java dates; see `CloudTrailPayload`).
public struct CloudTrailEvent: Sendable {
    /// One entry of the optional `resources` array (note the upper-case `ARN`; AWS: "CloudTrail record
    /// contents", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
    public struct Resource: Sendable, Equatable {
        public var accountId: String?
        public var type: String
        public var arn: String
        public init(accountId: String?, type: String, arn: String) {
            self.accountId = accountId
            self.type = type
            self.arn = arn
        }
    }

    public var context: CallContext
    /// `dynamodb.amazonaws.com` for DynamoDB and DynamoDB Streams alike (AWS: "Logging DynamoDB operations
    /// by using AWS CloudTrail").
    public var eventSource: String
    public var eventName: String
    /// Nil renders as `"requestParameters": null` (always present: "CloudTrail record contents").
    public var requestParameters: JSONValue?
    /// Nil renders as `"responseElements": null` (always present; null for read-only calls and errors).
    public var responseElements: JSONValue?
    public var errorCode: String?
    public var errorMessage: String?
    public var readOnly: Bool
    /// `2012-08-10` for DynamoDB; nil on authorization failures (published AccessDenied records carry no `apiVersion`).
    public var apiVersion: String?
    public var managementEvent: Bool
    /// `Management` or `Data`.
    public var eventCategory: String
    /// `AwsApiCall` for API calls.
    public var eventType: String
    public var recipientAccountId: String
    public var additionalEventData: JSONObject?
    /// Nil omits the `resources` key; control-plane records carry none (AWS's "Understanding DynamoDB log
    /// file entries" examples and every published management record).
    public var resources: [Resource]?
    /// `tlsDetails`; nil (our choice: over plain HTTP no TLS took place) omits it.
    public var tlsDetails: JSONObject?
    /// When the call completed; nil means "now" by the recorder's injected clock.
    public var eventTime: Date?

    public init(
        context: CallContext, eventSource: String, eventName: String, requestParameters: JSONValue? = nil,
        responseElements: JSONValue? = nil, errorCode: String? = nil, errorMessage: String? = nil,
        readOnly: Bool, apiVersion: String? = nil, managementEvent: Bool = true,
        eventCategory: String = "Management", eventType: String = "AwsApiCall", recipientAccountId: String,
        additionalEventData: JSONObject? = nil, resources: [Resource]? = nil, tlsDetails: JSONObject? = nil,
        eventTime: Date? = nil
    ) {
        self.context = context
        self.eventSource = eventSource
        self.eventName = eventName
        self.requestParameters = requestParameters
        self.responseElements = responseElements
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.readOnly = readOnly
        self.apiVersion = apiVersion
        self.managementEvent = managementEvent
        self.eventCategory = eventCategory
        self.eventType = eventType
        self.recipientAccountId = recipientAccountId
        self.additionalEventData = additionalEventData
        self.resources = resources
        self.tlsDetails = tlsDetails
        self.eventTime = eventTime
    }
}
