#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// LookupEvents' `LookupAttributeKey` enum (botocore model, 8 values).
public enum LookupAttributeKey: String, Sendable, CaseIterable {
    case eventId = "EventId"
    case eventName = "EventName"
    case readOnly = "ReadOnly"
    case username = "Username"
    case resourceType = "ResourceType"
    case resourceName = "ResourceName"
    case eventSource = "EventSource"
    case accessKeyId = "AccessKeyId"
}

/// One `{AttributeKey, AttributeValue}` pair.
public struct LookupAttribute: Sendable, Equatable {
    public var key: LookupAttributeKey
    public var value: String

    public init(key: LookupAttributeKey, value: String) {
        self.key = key
        self.value = value
    }
}

/// Where the previous page ended: the (eventTime, sequence) of its last, oldest event.
public struct HistoryCursor: Sendable, Equatable {
    public var eventTime: Int64
    public var sequence: UInt64

    public init(eventTime: Int64, sequence: UInt64) {
        self.eventTime = eventTime
        self.sequence = sequence
    }
}

/// What to look up: one account and region's history, at most one attribute, a time range
/// (inclusive at both ends), a page size, and where the previous page stopped.
public struct HistoryQuery: Sendable, Equatable {
    public var account: String
    public var region: String
    public var attribute: LookupAttribute?
    public var startTime: Date?
    public var endTime: Date?
    public var limit: Int
    public var after: HistoryCursor?

    public init(
        account: String, region: String, attribute: LookupAttribute? = nil, startTime: Date? = nil, endTime: Date? = nil,
        limit: Int = 50, after: HistoryCursor? = nil
    ) {
        self.account = account
        self.region = region
        self.attribute = attribute
        self.startTime = startTime
        self.endTime = endTime
        self.limit = limit
        self.after = after
    }
}

/// One page of a lookup, newest first.
public struct HistoryPage: Sendable, Equatable {
    public var events: [HistoryEvent]
    /// Nil when there is nothing older to show.
    public var next: HistoryCursor?
}
