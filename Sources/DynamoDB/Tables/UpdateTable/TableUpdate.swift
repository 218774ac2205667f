#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The table one UpdateTable call is changing, built up concern by concern inside the actor, and what its
/// response must show in flight.
struct TableUpdate {
    var table: Table
    let now: Date
    /// When the changes take effect: the end of UPDATING.
    let until: Date
    /// The transitional status of each index the call touched.
    var indexStatuses: [String: IndexStatus] = [:]
    /// False once a change that leaves TableStatus ACTIVE (SSE, warm throughput) was applied.
    var tableGoesUpdating = true
    /// The stream the call enabled, to be recorded with the table.
    var newStream: StreamRecord?
}
