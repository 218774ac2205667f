#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A pending provisioned-throughput change, applied when the update transition ends.
struct PendingThroughput: Sendable, Equatable {
    var read: Int64
    var write: Int64
    var at: Date
}
