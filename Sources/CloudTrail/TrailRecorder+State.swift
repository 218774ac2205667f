import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TrailRecorder {
    /// Where the recorder is in its life: only `running` accepts records and delivers.
    enum Phase { case idle, running, stopped, crashed }

    /// One (account, region): its records share log files.
    struct Group: Hashable, Comparable {
        var account: String
        var region: String
        static func < (a: Group, b: Group) -> Bool { (a.account, a.region) < (b.account, b.region) }
    }

    /// An acknowledged record (durable in journal segment `segment`) not yet in a delivered file.
    struct PendingRecord {
        var seq: UInt64
        var segment: Int
        /// Epoch seconds of `eventTime`.
        var eventTime: Int64
        var bytes: [UInt8]
    }

    /// A journaled delivery decision (its key and records) not yet journaled done.
    struct Plan {
        var entry: DeliveryPlanEntry
        /// The journal segment holding the decision.
        var segment: Int
        var records: [PendingRecord]
        /// Failed attempts so far, and when the next one is due (exponential backoff).
        var attempts = 0
        var nextAttempt: Date? = nil
        /// True when the decision was read back from the journal at start (a crash interrupted it).
        var replayed = false
    }

    /// Every mutable field of the recorder, confined to its `queue`.
    struct State {
        // Lifecycle.
        var phase = Phase.idle
        /// Open while running; nil before `start()` and after a stop or crash.
        var journal: Journal?
        /// The journal directory's lock, held from `lockStateDirectory()`/`start()` until a stop.
        var stateLock: StateLock?
        /// Space kept aside for the journal (see `JournalReserve`); set by `start()`.
        var reserve: JournalReserve?
        /// StartLogging / StopLogging of each account's trail, with their times.
        var logging: TrailLoggingStates

        // Numbering, continued across restarts from the journal.
        var nextSeq: UInt64 = 1
        var nextPlanId: UInt64 = 1

        // Work not yet delivered: records without a decision, and decisions not yet done.
        var pending: [Group: [PendingRecord]] = [:]
        var openPlans: [UInt64: Plan] = [:]

        // Group commit (`journal.fsync` = `batch`): callers waiting for the next fsync.
        var waitingForSync: [CheckedContinuation<Void, any Error>] = []
        var syncInFlight = false
        /// Groups whose full-file delivery is queued behind the append that filled them (`+Recording`).
        var fullGroupDeliveries: Set<Group> = []

        // Timers and hooks.
        var deliveryTimer: (any DispatchSourceTimer)?
        var retentionTimer: (any DispatchSourceTimer)?
        var deliveryHandler: (@Sendable (DeliveredLogFile) -> Void)?
        /// Test hook: the next delivery stops dead at this point.
        var crashPoint: CrashPoint?

        // Health counters (see `TrailHealth`).
        var deliveredRecords = 0
        var deliveredFiles = 0
        var lastDeliveryTime: Date?
        var lastError: String?
        var lastErrorTime: Date?
        var consecutiveFailures = 0
        var lastNotificationError: String?
        /// Journal writes that failed (each one spends the reserve or finds it spent).
        var journalFailures = 0
        /// Records of performed calls the journal could not take: their calls were answered with an error.
        var unrecordedRecords = 0
    }
}
