#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where the previous page ended: the (eventTime, sequence) of its last, oldest event.
public struct HistoryCursor: Sendable, Equatable {
    public var eventTime: Int64
    public var sequence: UInt64

    public init(eventTime: Int64, sequence: UInt64) {
        self.eventTime = eventTime
        self.sequence = sequence
    }
}
