#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

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
