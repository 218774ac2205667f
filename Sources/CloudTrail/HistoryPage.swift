#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One page of a lookup, newest first.
public struct HistoryPage: Sendable, Equatable {
    public var events: [HistoryEvent]
    /// Nil when there is nothing older to show.
    public var next: HistoryCursor?
}
