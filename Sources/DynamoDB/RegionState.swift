#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Everything one account keeps in one region. A value type: the actor `DynamoDBService` owns every copy.
struct RegionState: Sendable {
    var tables: [String: Table] = [:]
    /// Table names in byte-wise order, for O(log n + page) ListTables.
    var sortedNames: [String] = []
    /// Names of tables in DELETING, with the instant they disappear.
    var pendingDeletions: [String: Date] = [:]
    /// Names of tables in a transition, with the instant it ends (pruned lazily).
    var transitions: [String: Date] = [:]
    var streams: [StreamRecord] = []
    var reservations: [Reservation] = []
    var awsManagedKeyId: String?

    /// Index of the first name in `sortedNames` that is not byte-wise less than `name`.
    func insertionPoint(_ name: String) -> Int {
        var low = 0
        var high = sortedNames.count
        while low < high {
            let mid = (low + high) / 2
            if RegionState.less(sortedNames[mid], name) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func less(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    mutating func insertName(_ name: String) {
        let at = insertionPoint(name)
        if at < sortedNames.count && sortedNames[at] == name { return }
        sortedNames.insert(name, at: at)
    }

    mutating func removeName(_ name: String) {
        let at = insertionPoint(name)
        if at < sortedNames.count && sortedNames[at] == name { sortedNames.remove(at: at) }
    }

    /// Drops tables whose deletion finished and streams older than their retention.
    mutating func settle(now: Date) {
        for (name, at) in pendingDeletions where now >= at {
            pendingDeletions[name] = nil
            tables[name] = nil
            removeName(name)
        }
    }

    /// Tables in CREATING/UPDATING/DELETING now (entries whose transition ended are pruned).
    mutating func tablesInTransition(now: Date) -> Int {
        for (name, until) in transitions where now >= until { transitions[name] = nil }
        return transitions.count
    }

    mutating func noteTransition(_ name: String, until: Date) {
        if let existing = transitions[name], existing > until { return }
        transitions[name] = until
    }

    /// Starts disabling the live stream with this ARN, if there is one: DISABLING now, DISABLED at `disabledAt`.
    mutating func disableStream(_ arn: String, now: Date, disabledAt: Date) {
        guard let i = streams.firstIndex(where: { $0.arn == arn && $0.disabledAt == nil }) else { return }
        streams[i].disable(now: now, disabledAt: disabledAt)
    }
}
