#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Lazy transitions: each access settles the table to the request's clock.
extension Table {
    /// Applies every transition whose time has come: new throughput, stream spec removal, table class,
    /// index statuses, removal of deleted indexes. Called on each access, so no timers are needed.
    mutating func settle(now: Date) {
        if let pending = pendingThroughput, now >= pending.at {
            throughput.apply(pending)
            pendingThroughput = nil
        }
        if let at = streamRemovalAt, now >= at {
            streamSpecification = nil
            streamRemovalAt = nil
        }
        if let pending = pendingTableClass, now >= pending.at {
            tableClass = pending.tableClass
            tableClassUpdatedAt = pending.at
            pendingTableClass = nil
        }
        settleEncryption(now: now)
        if let until = warmUpdatingUntil, now >= until { warmUpdatingUntil = nil }
        settleGlobalIndexes(now: now)
        if let until = updatingUntil, now >= until { updatingUntil = nil }
    }

    /// AWS keeps AttributeDefinitions equal to the attributes some key schema uses: definitions of a deleted
    /// index's keys go, and unused ones sent with a new index are dropped (paritysuite/dynamodb-conformance#79,
    /// observed on AWS in 2026).
    mutating func pruneAttributeDefinitions() {
        let used = Set(
            keySchema.map(\.name) + localIndexes.flatMap { $0.keySchema.map(\.name) }
                + globalIndexes.flatMap { $0.keySchema.map(\.name) })
        attributeDefinitions.removeAll { !used.contains($0.name) }
    }

    private mutating func settleEncryption(now: Date) {
        guard let until = sse?.updatingUntil, now >= until else { return }
        if sse?.removedWhenSettled == true {
            sse = nil
        } else {
            sse?.updatingUntil = nil
            sse?.previousKeyArn = nil
        }
    }

    private mutating func settleGlobalIndexes(now: Date) {
        let before = globalIndexes.count
        globalIndexes.removeAll { index in index.deletingUntil.map { now >= $0 } ?? false }
        if globalIndexes.count != before { pruneAttributeDefinitions() }
        for i in globalIndexes.indices {
            if let pending = globalIndexes[i].pendingThroughput, now >= pending.at {
                globalIndexes[i].throughput.apply(pending)
                globalIndexes[i].pendingThroughput = nil
            }
        }
    }
}
