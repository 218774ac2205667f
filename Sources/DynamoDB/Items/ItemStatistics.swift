#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A table's item count and size as DescribeTable shows them, and when they were taken.
struct ItemStatistics: Sendable, Equatable {
    var itemCount: Int
    var sizeInBytes: Int
    /// Each secondary index's figures, by index name.
    var indexes: [String: IndexFigures] = [:]
    var takenAt: Date
}
