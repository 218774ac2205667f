import AWSProtocol
import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TrailRecorder {
    /// Makes one call's record durable, per `journal.fsync`, and returns only then. A record the
    /// trail does not keep (logging stopped, not selected by its trail's event selectors) returns at once.
    /// `eventID`: the id to write (the caller's, so the event history shows the same); nil draws one.
    public func record(_ event: CloudTrailEvent, eventID: String? = nil) async throws {
        let eventTime = event.eventTime ?? clock.now()
        let rendered = RenderedRecord(
            event: event, eventID: eventID ?? random.uuid(), eventTime: eventTime, eventVersion: settings.eventVersion)
        try await record(rendered)
    }

    /// Makes one already rendered record durable, per `journal.fsync`, and returns only then; its
    /// bytes are written as they are. A record the trail does not keep (logging stopped, not selected
    /// by its trail's event selectors) returns at once.
    /// - Throws: `TrailError.invalidEvent` when its account or region cannot be an S3 key segment,
    ///   `TrailError` when the recorder is not running or the journal failed.
    public func record(_ record: RenderedRecord) async throws {
        let group = try Self.group(of: record)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async {
                switch self.append(record, group: group) {
                case .kept: continuation.resume()
                case .failed(let error): continuation.resume(throwing: error)
                case .waitingForSync:
                    self.state.waitingForSync.append(continuation)
                    self.scheduleGroupSync()
                }
            }
        }
    }

    /// True when `recordImmediately` can be used: every `journal.fsync` mode but `batch`, whose records
    /// wait for a group commit.
    public var recordsImmediately: Bool { journalSettings.fsync != .batch }

    /// `record`, on the calling thread: the journal write (and in `always` mode its fsync) runs under the
    /// recorder's queue as a lock (`DispatchQueue.sync` runs inline when the queue is idle), so the call
    /// costs no thread hop; delivery and compression stay on the queue's own work. Blocking: call it from
    /// a Dispatch thread, never from a Swift concurrency thread, and only while `recordsImmediately`.
    public func recordImmediately(_ record: RenderedRecord) throws {
        let group = try Self.group(of: record)
        let outcome = queue.sync { append(record, group: group) }
        switch outcome {
        case .kept: return
        case .failed(let error): throw error
        // Unreachable while `recordsImmediately`; a batch-mode record would be acknowledged before its fsync.
        case .waitingForSync: throw TrailError.stopped
        }
    }

    /// The record's (account, region) group, checked as S3 key segments.
    private static func group(of record: RenderedRecord) throws(TrailError) -> Group {
        let group = Group(account: record.account, region: record.region)
        for (label, value) in [("account", group.account), ("region", group.region)] where !isSafeKeySegment(value) {
            throw TrailError.invalidEvent("\(label) \"\(value)\" cannot be part of an S3 key")
        }
        return group
    }

    /// True when `text` can be one `/`-free segment of a key: 1-64 of `[A-Za-z0-9._-]`, not `.` or `..`.
    static func isSafeKeySegment(_ text: String) -> Bool {
        guard (1...64).contains(text.utf8.count), text != ".", text != ".." else { return false }
        return text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }

    // MARK: - On queue

    /// What became of an appended record.
    enum AppendOutcome {
        /// As durable as `journal.fsync` asks (or not kept at all: logging stopped, not selected).
        case kept
        case failed(any Error)
        /// Journaled; durable after the next group commit, which the caller schedules once it waits (`batch`).
        case waitingForSync
    }

    /// Journals the record and says how durable it is (at once, after its own fsync, or after the next
    /// group commit, which the caller waits for). A full group's delivery is queued behind it.
    private func append(_ record: RenderedRecord, group: Group) -> AppendOutcome {
        switch state.phase {
        case .idle: return .failed(TrailError.notStarted)
        case .stopped, .crashed: return .failed(TrailError.stopped)
        case .running: break
        }
        guard let journal = state.journal else { return .failed(TrailError.stopped) }
        guard state.logging.status(account: group.account).isLogging else { return .kept }
        guard selection.selects(SelectableEvent(record.event), account: group.account) else { return .kept }
        let seq = state.nextSeq
        let seconds = UTCTime.clampedSeconds(record.eventTime)
        let entry = JournaledRecord(
            seq: seq, eventTime: seconds, account: group.account, region: group.region, bytes: record.bytes)
        let segment: Int
        do throws(FileIOError) {
            segment = try appendUsingReserve(.record, entry.encode(), to: journal)
        } catch {
            state.unrecordedRecords += 1
            noteError("journal append: \(error)")
            return .failed(TrailError.journal(error))
        }
        state.nextSeq += 1
        journal.addOpen(segment: segment)
        state.pending[group, default: []].append(
            PendingRecord(seq: seq, segment: segment, eventTime: seconds, bytes: record.bytes))
        if (state.pending[group]?.count ?? 0) >= settings.maxRecordsPerFile { scheduleFullGroupDelivery(group) }
        return syncAfterAppend(journal)
    }

    /// Delivers a group that reached `maxRecordsPerFile` right after the append that filled it, as the
    /// queue's next work: the appending call is answered first (compression and file writes stay off its
    /// path), and the next append waits behind the delivery as before.
    private func scheduleFullGroupDelivery(_ group: Group) {
        guard state.fullGroupDeliveries.insert(group).inserted else { return }
        queue.async { [self] in
            state.fullGroupDeliveries.remove(group)
            guard state.phase == .running, (state.pending[group]?.count ?? 0) >= settings.maxRecordsPerFile,
                state.openPlans.isEmpty
            else { return }
            _ = deliverGroup(group, now: clock.now())
        }
    }

    /// Makes a just-appended record as durable as `journal.fsync` asks, or schedules what will.
    private func syncAfterAppend(_ journal: Journal) -> AppendOutcome {
        switch journalSettings.fsync {
        case .never:
            return .kept
        case .always:
            do throws(FileIOError) {
                try journal.active?.sync()
                return .kept
            } catch {
                noteError("journal fsync: \(error)")
                state.unrecordedRecords += 1
                spendReserve(after: error)
                return .failed(TrailError.journal(error))
            }
        case .batch:
            return .waitingForSync
        case .interval:
            scheduleIntervalSync(journal)
            return .kept
        }
    }

    /// Group commit: one fsync, queued behind the appends already waiting on `queue`, covers all of them.
    /// It runs on `queue` itself: a separate sync queue cost two more thread wake-ups per call, which on
    /// two cores weighed more than the fsync (0.2 ms) that appends now wait behind.
    private func scheduleGroupSync() {
        guard !state.syncInFlight, !state.waitingForSync.isEmpty else { return }
        state.syncInFlight = true
        queue.async { [self] in
            state.syncInFlight = false
            let batch = state.waitingForSync
            state.waitingForSync = []
            guard state.phase == .running, let segment = state.journal?.active else {
                return batch.forEach { $0.resume(throwing: TrailError.stopped) }
            }
            do throws(FileIOError) {
                try segment.sync()
                batch.forEach { $0.resume() }
            } catch {
                noteError("journal fsync: \(error)")
                state.unrecordedRecords += batch.count
                spendReserve(after: error)
                batch.forEach { $0.resume(throwing: TrailError.journal(error)) }
            }
        }
    }

    /// Where `journal.fsync: interval` runs its fsyncs, so appends never wait behind one.
    static let intervalSyncQueue = DispatchQueue(label: "dynamotrail.cloudtrail.journal-sync")

    /// `interval`: one fsync of the active segment `fsyncIntervalSeconds` after the first record
    /// appended since the last one, on `intervalSyncQueue` (rotation fsyncs a finished segment itself).
    private func scheduleIntervalSync(_ journal: Journal) {
        guard !journal.intervalSyncScheduled else { return }
        journal.intervalSyncScheduled = true
        queue.asyncAfter(deadline: .now() + JournalSettings.fsyncIntervalSeconds) { [self] in
            guard let journal = state.journal else { return }
            journal.intervalSyncScheduled = false
            guard state.phase == .running, let segment = journal.active else { return }
            Self.intervalSyncQueue.async {
                do throws(FileIOError) {
                    try segment.sync()
                } catch {
                    self.queue.async { self.noteError("journal fsync: \(error)") }
                }
            }
        }
    }

    /// Syncs the journal now and releases every record waiting for a group commit.
    func syncJournalNow() throws(FileIOError) {
        guard journalSettings.fsync != .never, let segment = state.journal?.active else { return }
        try segment.sync()
        let batch = state.waitingForSync
        state.waitingForSync = []
        batch.forEach { $0.resume() }
    }

    /// Fails every record waiting for a group commit (the recorder stopped before it).
    func failWaiters(_ error: any Error) {
        let batch = state.waitingForSync
        state.waitingForSync = []
        batch.forEach { $0.resume(throwing: error) }
    }
}
