#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A global secondary index with its own lifecycle, computed lazily from timestamps.
struct GlobalIndex: Sendable, Equatable {
    var name: String
    var keySchema: [KeyElement]
    var projection: Projection
    var throughput: Throughput
    var pendingThroughput: PendingThroughput?
    var onDemand: OnDemandLimits?
    var warm: (read: Int64, write: Int64)?
    /// Created by UpdateTable (shows `Backfilling`), as opposed to with the table.
    var createdOnline: Bool
    /// CREATING until this instant (for online creation: resource allocation until `backfillFrom`, then backfilling).
    var activeAt: Date
    var backfillFrom: Date?
    var updatingUntil: Date?
    var deletingUntil: Date?

    static func == (a: GlobalIndex, b: GlobalIndex) -> Bool { a.name == b.name && a.activeAt == b.activeAt }

    func status(at now: Date) -> IndexStatus {
        if deletingUntil != nil { return .deleting }
        if now < activeAt { return .creating }
        if let updatingUntil, now < updatingUntil { return .updating }
        return .active
    }

    /// Still in the resource-allocation phase of an online creation (backfilling has not started).
    func isAllocatingResources(at now: Date) -> Bool {
        status(at: now) == .creating && !(backfillFrom.map { now >= $0 } ?? true)
    }
}

extension GlobalIndex {
    /// A global index as sent to CreateTable or UpdateTable's Create action (after its rules were checked).
    init(_ input: IndexInput, createdOnline: Bool, activeAt: Date, backfillFrom: Date? = nil) {
        self.init(
            name: input.name ?? "", keySchema: (input.keySchema ?? []).map(KeyElement.init),
            projection: Projection(input.projection),
            throughput: Throughput(read: input.throughput?.read ?? 0, write: input.throughput?.write ?? 0),
            onDemand: input.onDemand, warm: input.warm.map { ($0.read ?? 0, $0.write ?? 0) },
            createdOnline: createdOnline, activeAt: activeAt, backfillFrom: backfillFrom)
    }
}
