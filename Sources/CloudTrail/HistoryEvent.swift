#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One event in the history: what LookupEvents filters on and returns.
public struct HistoryEvent: Sendable, Equatable {
    /// Arrival order; breaks ties between events of the same second (newer = larger).
    public internal(set) var sequence: UInt64
    public let eventID: String
    public let eventName: String
    public let eventSource: String
    /// Epoch seconds, as in the record's `eventTime` (whole seconds).
    public let eventTime: Int64
    public let readOnly: Bool
    public let accessKeyId: String?
    /// LookupEvents' `Username` (see `EventHistory.username`).
    public let username: String?
    public let userArn: String?
    /// `recipientAccountId`: whose event history the event belongs to.
    public let account: String
    public let region: String
    public let resources: [LookupResource]
    public let errorCode: String?
    /// The record exactly as delivered.
    public internal(set) var bytes: [UInt8]

    /// The record JSON as LookupEvents' `CloudTrailEvent` string.
    public var cloudTrailEvent: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether the event has `attribute` (exact, case-sensitive matches; `ReadOnly` takes `true`/`false`).
    /// Case-sensitivity is Unverified: AWS documents no folding, so none is done.
    public func matches(_ attribute: LookupAttribute) -> Bool {
        let value = attribute.value
        switch attribute.key {
        case .eventId: return eventID == value
        case .eventName: return eventName == value
        case .readOnly: return (readOnly ? "true" : "false") == value.lowercased()
        case .username: return username == value
        case .resourceType: return resources.contains { $0.type == value }
        case .resourceName: return resources.contains { $0.name == value }
        case .eventSource: return eventSource == value
        case .accessKeyId: return accessKeyId == value
        }
    }
}
