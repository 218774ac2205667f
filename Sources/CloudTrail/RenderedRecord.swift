#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One event rendered once into the exact bytes of its CloudTrail record, with the facts the recorder
/// and the event history read next to them: the same bytes then go into the log file and the
/// LookupEvents history (`CloudTrailEvent` string), so the two can never differ.
public struct RenderedRecord: Sendable {
    /// The event the bytes were rendered from (the history filters on its fields).
    public let event: CloudTrailEvent
    /// The `eventID` inside `bytes`.
    public let eventID: String
    /// The `eventTime` inside `bytes` (written to the second).
    public let eventTime: Date
    /// The record as compact UTF-8 JSON, exactly as written to the log file.
    public let bytes: [UInt8]

    /// Renders `event` with `CloudTrailRecord.bytes`.
    public init(event: CloudTrailEvent, eventID: String, eventTime: Date, eventVersion: String) {
        self.init(
            event: event, eventID: eventID, eventTime: eventTime,
            bytes: CloudTrailRecord.bytes(event, eventTime: eventTime, eventID: eventID, eventVersion: eventVersion))
    }

    /// Wraps bytes already rendered from `event` (they must carry `eventID` and `eventTime`).
    init(event: CloudTrailEvent, eventID: String, eventTime: Date, bytes: [UInt8]) {
        self.event = event
        self.eventID = eventID
        self.eventTime = eventTime
        self.bytes = bytes
    }

    /// `recipientAccountId`: whose log files and event history the record belongs to.
    public var account: String { event.recipientAccountId }
    /// The region the call was made in (`awsRegion`).
    public var region: String { event.context.region }
    /// Whether the call only read (`readOnly`), for the trail's `readWriteType` filter.
    public var readOnly: Bool { event.readOnly }
}
