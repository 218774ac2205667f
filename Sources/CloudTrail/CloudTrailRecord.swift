import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Renders a `CloudTrailEvent` into one CloudTrail record, field by field and in AWS's key order
/// (AWS: "CloudTrail record contents",
/// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html,
/// and the order of published real records), so goldens and byte-diffs against real records line up.
public enum CloudTrailRecord {
    /// The record version written ("CloudTrail record contents": "The current version is 1.11").
    public static let eventVersion = "1.11"

    /// `userAgent`, `errorCode`, `errorMessage` and `requestID` are "1 KB each, truncated beyond
    /// that" ("CloudTrail record contents"). Whether AWS counts bytes or characters is Unverified; we keep at most 1024
    /// UTF-8 bytes, cut at a character boundary.
    public static let maxShortFieldBytes = 1024
    /// `requestParameters`/`responseElements`: 100 KB, content beyond that "omitted" ("CloudTrail record contents"). The
    /// exact omitted form is Unverified; we write `null` (the field itself is always present).
    public static let maxPayloadBytes = JSONLimits.maximumPayloadBytes
    /// `additionalEventData`: 28 KB, omitted beyond that ("CloudTrail record contents"); we drop the key.
    public static let maxAdditionalEventDataBytes = 28 * 1024

    /// The record as an ordered JSON object.
    public static func render(
        _ event: CloudTrailEvent, eventTime: Date, eventID: String, eventVersion: String = eventVersion
    ) -> JSONValue {
        let context = event.context
        var record = JSONObject()
        record.append("eventVersion", .string(eventVersion))
        record.append("userIdentity", UserIdentityBlock.render(context.identity))
        record.append("eventTime", .string(UTCTime(eventTime).iso8601))
        record.append("eventSource", .string(event.eventSource))
        record.append("eventName", .string(event.eventName))
        record.append("awsRegion", .string(context.region))
        record.append("sourceIPAddress", .string(context.sourceIPAddress))
        // userAgent is optional in the schema; an empty header is left out rather than written as "".
        if !context.userAgent.isEmpty { record.append("userAgent", .string(truncated(context.userAgent))) }
        if let errorCode = event.errorCode { record.append("errorCode", .string(truncated(errorCode))) }
        if let errorMessage = event.errorMessage { record.append("errorMessage", .string(truncated(errorMessage))) }
        record.append("requestParameters", payload(event.requestParameters))
        record.append("responseElements", payload(event.responseElements))
        if let extra = event.additionalEventData,
            JSONWriter.bytes(.object(extra)).count <= maxAdditionalEventDataBytes
        {
            record.append("additionalEventData", .object(extra))
        }
        if !context.requestId.isEmpty { record.append("requestID", .string(truncated(context.requestId))) }
        record.append("eventID", .string(eventID))
        record.append("readOnly", .bool(event.readOnly))
        if let resources = event.resources {
            record.append("resources", .array(resources.map(render)))
        }
        record.append("eventType", .string(event.eventType))
        if let apiVersion = event.apiVersion { record.append("apiVersion", .string(apiVersion)) }
        record.append("managementEvent", .bool(event.managementEvent))
        record.append("recipientAccountId", .string(event.recipientAccountId))
        record.append("eventCategory", .string(event.eventCategory))
        if let tls = event.tlsDetails { record.append("tlsDetails", .object(tls)) }
        return .object(record)
    }

    /// The record as the exact compact UTF-8 bytes that go into a log file (hashed as written).
    public static func bytes(
        _ event: CloudTrailEvent, eventTime: Date, eventID: String, eventVersion: String = eventVersion
    ) -> [UInt8] {
        JSONWriter.bytes(render(event, eventTime: eventTime, eventID: eventID, eventVersion: eventVersion))
    }

    private static func render(_ resource: CloudTrailEvent.Resource) -> JSONValue {
        var object = JSONObject()
        if let accountId = resource.accountId { object.append("accountId", .string(accountId)) }
        object.append("type", .string(resource.type))
        object.append("ARN", .string(resource.arn))
        return .object(object)
    }

    private static func payload(_ value: JSONValue?) -> JSONValue {
        guard let value, value != .null else { return .null }
        if case .object(let object) = value, object.isEmpty { return .null }
        // Deeper than a request may be (JSONLimits) would make the record unreadable: omitted too.
        guard value.nestingDepth <= JSONLimits.maximumRequestDepth else { return .null }
        return JSONWriter.bytes(value).count <= maxPayloadBytes ? value : .null
    }

    /// Cuts `text` to at most `maxShortFieldBytes` UTF-8 bytes without splitting a character.
    public static func truncated(_ text: String, limit: Int = maxShortFieldBytes) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            if used + size > limit { break }
            result.append(character)
            used += size
        }
        return result
    }
}
