import AWSProtocol
import CloudTrail

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension CloudTrailAPI {
    /// LookupEvents over the event history of the caller's account and region (AWS CloudTrail API Reference: "LookupEvents"):
    /// at most one lookup attribute, inclusive StartTime/EndTime, MaxResults 1-50 (default 50),
    /// newest first (the console's order; Unverified for the API), an opaque NextToken bound to the
    /// parameters. `EventCategory: insight` returns no events (DynamoTrail has no Insights).
    /// Error texts are Unverified (AWS names the exceptions only).
    func lookupEvents(_ input: CloudTrailInput, context: CallContext) -> Result<JSONValue, AWSServiceError> {
        let attributes: [JSONValue]?
        let start: Date?
        let end: Date?
        let maxResults: Int64?
        let category: String?
        let token: String?
        switch input.list("LookupAttributes") {
        case .failure(let error): return .failure(error)
        case .success(let list): attributes = list
        }
        switch (input.timestamp("StartTime"), input.timestamp("EndTime")) {
        case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
        case (.success(let from), .success(let to)): (start, end) = (from, to)
        }
        switch (input.integer("MaxResults"), input.string("EventCategory"), input.string("NextToken")) {
        case (.failure(let error), _, _), (_, .failure(let error), _), (_, _, .failure(let error)): return .failure(error)
        case (.success(let max), .success(let cat), .success(let next)): (maxResults, category, token) = (max, cat, next)
        }

        let attribute: LookupAttribute?
        switch Self.lookupAttribute(attributes ?? []) {
        case .failure(let error): return .failure(error)
        case .success(let value): attribute = value
        }
        if let start, let end, start > end { return .failure(CloudTrailError.invalidTimeRange()) }
        if let maxResults, !(1...50).contains(maxResults) { return .failure(CloudTrailError.invalidMaxResults(maxResults)) }
        if let category, category != "insight" { return .failure(CloudTrailError.invalidEventCategory(category)) }

        var query = HistoryQuery(
            account: context.accountId, region: context.region, attribute: attribute, startTime: start, endTime: end,
            limit: Int(maxResults ?? 50))
        let fingerprint = LookupEventsToken.fingerprint(query, category: category)
        if let token, !token.isEmpty {
            guard let cursor = LookupEventsToken.decode(token, fingerprint: fingerprint) else {
                return .failure(CloudTrailError.invalidNextToken)
            }
            query.after = cursor
        }
        guard category == nil else { return .success(["Events": .array([])]) }
        let page = history.lookup(query)
        var output = JSONObject()
        output.append("Events", .array(page.events.map(Self.render)))
        if let next = page.next { output.append("NextToken", .string(LookupEventsToken.encode(next, fingerprint: fingerprint))) }
        return .success(.object(output))
    }

    /// The single attribute of `LookupAttributes` ("Currently the list can contain only one item").
    static func lookupAttribute(_ list: [JSONValue]) -> Result<LookupAttribute?, AWSServiceError> {
        guard let first = list.first else { return .success(nil) }
        guard list.count == 1 else {
            return .failure(CloudTrailError.invalidLookupAttributes("You can specify at most one lookup attribute."))
        }
        guard case .object(let object) = first else {
            return .failure(.serialization("Unexpected value type in payload"))
        }
        let member = CloudTrailInput(object)
        let keyText: String?
        let value: String?
        switch (member.string("AttributeKey"), member.string("AttributeValue")) {
        case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
        case (.success(let k), .success(let v)): (keyText, value) = (k, v)
        }
        guard let keyText else { return .failure(CloudTrailError.missing("lookupAttributes.1.member.attributeKey")) }
        guard let value else { return .failure(CloudTrailError.missing("lookupAttributes.1.member.attributeValue")) }
        guard let key = LookupAttributeKey(rawValue: keyText) else {
            let valid = LookupAttributeKey.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(
                CloudTrailError.invalidLookupAttributes("Invalid AttributeKey: \(keyText). Valid keys are: \(valid)."))
        }
        guard (1...2000).contains(value.count) else {
            return .failure(
                CloudTrailError.invalidLookupAttributes("AttributeValue must be between 1 and 2000 characters long."))
        }
        return .success(LookupAttribute(key: key, value: value))
    }

    /// One `Event`, members in the model's order; `ReadOnly` is a string, `EventTime` epoch seconds,
    /// `CloudTrailEvent` the record as delivered.
    static func render(_ event: HistoryEvent) -> JSONValue {
        var object = JSONObject()
        object.append("EventId", .string(event.eventID))
        object.append("EventName", .string(event.eventName))
        object.append("ReadOnly", .string(event.readOnly ? "true" : "false"))
        if let key = event.accessKeyId { object.append("AccessKeyId", .string(key)) }
        object.append("EventTime", .int64(event.eventTime))
        object.append("EventSource", .string(event.eventSource))
        if let username = event.username { object.append("Username", .string(username)) }
        object.append(
            "Resources",
            .array(
                event.resources.map { resource in
                    .object(JSONObject(["ResourceType": .string(resource.type), "ResourceName": .string(resource.name)]))
                }))
        object.append("CloudTrailEvent", .string(event.cloudTrailEvent))
        return .object(object)
    }
}
