import AWSProtocol
import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why `record` (or `start`) failed.
public enum TrailError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `start()` has not been called.
    case notStarted
    /// `shutdown()` has run, or the recorder crashed (tests).
    case stopped
    /// The journal could not be written or synced: the record is not durable and must not be acknowledged.
    case journal(FileIOError)
    /// The event's account or region cannot name an S3 key segment (empty, `.`/`..`, or
    /// characters outside `[A-Za-z0-9._-]`): refused rather than written outside its folder.
    case invalidEvent(String)

    public var description: String {
        switch self {
        case .notStarted: "trail recorder not started"
        case .stopped: "trail recorder stopped"
        case .journal(let error): "journal: \(error)"
        case .invalidEvent(let reason): "invalid event: \(reason)"
        }
    }
}

/// The CloudTrail engine: takes finished calls, makes them durable in the journal, and delivers
/// them as CloudTrail log files into the bucket directory with sidecars and notifications.
///
/// Flow of one record: rendered to its exact bytes on the caller's task → appended to the journal
/// (and synced per `journal.fsync`) → `record` returns → grouped per (account, region) → at the
/// delivery interval, at `maxRecordsPerFile`, on `flush()` or `shutdown()`, a delivery decision
/// (key + record list) is journaled and synced → gzip body written to a temp file, fsynced, renamed
/// into place → sidecar → notification line → "done" journaled → hook and webhook. A crash at any
/// point is repaired on `start()`: open decisions are re-executed byte-identically under the same
/// key, and records without a decision are delivered — each acknowledged record exactly once.
///
/// Isolation: every mutable field is confined to `queue`, a private serial DispatchQueue that also
/// runs all blocking file I/O (never async code); async entry points hop onto it with
/// continuations. Journal fsyncs in `batch` mode run on a second serial queue (group commit).
/// Time comes only from `clock`, event ids and file-name randomness only from `random`.
public final class TrailRecorder: @unchecked Sendable {
    public let settings: TrailSettings
    public let journalSettings: JournalSettings
    /// The bucket directory (`trail.bucket.path`).
    public let bucketRoot: String
    /// Where journal segments live.
    public let journalDirectory: String

    private let clock: any WallClock
    private let random: any RandomSource
    private let log: @Sendable (String) -> Void
    private let queue = DispatchQueue(label: "dynamotrail.cloudtrail.recorder")
    private let webhook: WebhookPoster?

    // MARK: State (confined to `queue`)

    private enum Phase { case idle, running, stopped, crashed }

    private struct Group: Hashable, Comparable {
        var account: String
        var region: String
        static func < (a: Group, b: Group) -> Bool { (a.account, a.region) < (b.account, b.region) }
    }

    private struct PendingRecord {
        var seq: UInt64
        var segment: Int
        var eventTime: Int64
        var bytes: [UInt8]
    }

    private struct Plan {
        var entry: DeliveryPlanEntry
        var segment: Int
        var records: [PendingRecord]
        var attempts = 0
        var nextAttempt: Date? = nil
        var replayed = false
    }

    private var phase = Phase.idle
    private var journal: Journal?
    private var logging = true
    private var nextSeq: UInt64 = 1
    private var nextPlanId: UInt64 = 1
    private var pending: [Group: [PendingRecord]] = [:]
    private var openPlans: [UInt64: Plan] = [:]
    private var waitingForSync: [CheckedContinuation<Void, any Error>] = []
    private var syncInFlight = false
    private var deliveryTimer: (any DispatchSourceTimer)?
    private var retentionTimer: (any DispatchSourceTimer)?
    private var deliveryHandler: (@Sendable (DeliveredLogFile) -> Void)?
    private var deliveredRecords = 0
    private var deliveredFiles = 0
    private var lastDeliveryTime: Date?
    private var lastError: String?
    private var lastErrorTime: Date?
    private var consecutiveFailures = 0
    private var lastNotificationError: String?

    /// Test hook: where a simulated `kill -9` happens during delivery.
    enum CrashPoint: CaseIterable {
        case afterPlanJournaled, afterTempFileWritten, afterRename, afterSidecar, afterNotification
    }
    /// Test hook (queue-confined): the next delivery stops dead at this point.
    var crashPoint: CrashPoint?
    private struct SimulatedCrash: Error {}

    /// - Parameters:
    ///   - log: receives operational messages (journal repairs, delivery failures, retention).
    public init(
        settings: TrailSettings, journal: JournalSettings, clock: any WallClock, random: any RandomSource,
        log: @escaping @Sendable (String) -> Void = { _ in }, webhookTransport: WebhookTransport? = nil
    ) {
        self.settings = settings
        self.journalSettings = journal
        self.clock = clock
        self.random = random
        self.log = log
        self.bucketRoot = settings.bucket.path
        self.journalDirectory = journal.path ?? FileIO.join(settings.bucket.path, ".dynamotrail/journal")
        if let url = settings.notifications.webhookURL, let webhookTransport {
            webhook = WebhookPoster(url: url, transport: webhookTransport, log: log)
        } else {
            webhook = nil
        }
    }

    deinit {
        deliveryTimer?.cancel()
        retentionTimer?.cancel()
    }

    // MARK: - Lifecycle

    /// Opens and replays the journal (re-executing open delivery decisions under their recorded
    /// keys, then delivering records that had none), applies retention, and starts the delivery
    /// and hourly retention timers. Blocking: call it at startup, not from async code.
    /// - Returns: the keys written by the replay.
    @discardableResult
    public func start() throws(TrailError) -> [String] {
        let result: Result<[String], TrailError> = queue.sync {
            guard phase == .idle else { return .failure(.stopped) }
            do throws(FileIOError) {
                try replayJournal()
            } catch {
                noteError("journal replay: \(error)")
                return .failure(.journal(error))
            }
            phase = .running
            let keys = deliver(force: true)
            _ = runRetention()
            startTimers()
            return .success(keys)
        }
        return try result.get()
    }

    /// Makes one call's record durable, per `journal.fsync`, and returns only then. A record the
    /// trail does not keep (logging stopped, filtered by `readWriteType`) returns at once.
    /// `eventID`: the id to write (the caller's, so the event history shows the same); nil draws one.
    public func record(_ event: CloudTrailEvent, eventID: String? = nil) async throws {
        let eventTime = event.eventTime ?? clock.now()
        let bytes = CloudTrailRecord.bytes(
            event, eventTime: eventTime, eventID: eventID ?? random.uuid(), eventVersion: settings.eventVersion)
        let group = Group(account: event.recipientAccountId, region: event.context.region)
        for (label, value) in [("account", group.account), ("region", group.region)] where !Self.isSafeKeySegment(value) {
            throw TrailError.invalidEvent("\(label) \"\(value)\" cannot be part of an S3 key")
        }
        let readOnly = event.readOnly
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async {
                self.append(
                    bytes: bytes, group: group, readOnly: readOnly, eventTime: eventTime, continuation: continuation)
            }
        }
    }

    /// True when `text` can be one `/`-free segment of a key: 1-64 of `[A-Za-z0-9._-]`, not `.` or `..`.
    static func isSafeKeySegment(_ text: String) -> Bool {
        guard (1...64).contains(text.utf8.count), text != ".", text != ".." else { return false }
        return text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }

    /// Delivers everything pending now, retrying failed deliveries first. Returns the keys written.
    public func flush() async -> [String] {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.phase == .running ? self.deliver(force: true) : []) }
        }
    }

    /// Delivers everything, stops the timers and closes the journal. Records still undeliverable
    /// (e.g. unwritable bucket) stay in the journal for the next start.
    public func shutdown() async -> [String] {
        await withCheckedContinuation { continuation in
            queue.async {
                guard self.phase == .running else { return continuation.resume(returning: []) }
                let keys = self.deliver(force: true)
                self.stop(phase: .stopped)
                continuation.resume(returning: keys)
            }
        }
    }

    /// StartLogging / StopLogging: while off, `record` keeps nothing (already pending records are still delivered).
    public func setLogging(_ on: Bool) { queue.sync { logging = on } }

    /// Installs the hook called for every delivered file (at least once per key: a replay after a
    /// crash may call it again, with `replayed` set). It runs on the recorder's queue: keep it
    /// short and never call back into the recorder synchronously from it (deadlock).
    public func setDeliveryHandler(_ handler: (@Sendable (DeliveredLogFile) -> Void)?) {
        queue.sync { deliveryHandler = handler }
    }

    /// The delivery hook (see `setDeliveryHandler`); set it before `start()` so replays are seen.
    public var onDelivered: (@Sendable (DeliveredLogFile) -> Void)? {
        get { queue.sync { deliveryHandler } }
        set { queue.sync { deliveryHandler = newValue } }
    }

    /// A snapshot of delivery health.
    public var health: TrailHealth {
        queue.sync {
            TrailHealth(
                isLogging: logging, pendingRecords: pendingCount(), pendingFiles: openPlans.count,
                deliveredRecords: deliveredRecords, deliveredFiles: deliveredFiles, lastDeliveryTime: lastDeliveryTime,
                lastError: lastError, lastErrorTime: lastErrorTime, consecutiveFailures: consecutiveFailures,
                lastNotificationError: lastNotificationError)
        }
    }

    /// Applies the retention rules now (also done at start and hourly).
    public func applyRetention() async -> RetentionReport {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.runRetention()) }
        }
    }

    // MARK: - Recording (on queue)

    private func append(
        bytes: [UInt8], group: Group, readOnly: Bool, eventTime: Date, continuation: CheckedContinuation<Void, any Error>
    ) {
        switch phase {
        case .idle: return continuation.resume(throwing: TrailError.notStarted)
        case .stopped, .crashed: return continuation.resume(throwing: TrailError.stopped)
        case .running: break
        }
        guard let journal else { return continuation.resume(throwing: TrailError.stopped) }
        guard logging else { return continuation.resume() }
        switch settings.readWriteType {
        case .readOnly where !readOnly, .writeOnly where readOnly: return continuation.resume()
        default: break
        }
        let seq = nextSeq
        let seconds = UTCTime.clampedSeconds(eventTime)
        let entry = JournaledRecord(seq: seq, eventTime: seconds, account: group.account, region: group.region, bytes: bytes)
        let segment: Int
        do throws(FileIOError) {
            segment = try journal.append(.record, entry.encode())
        } catch {
            noteError("journal append: \(error)")
            return continuation.resume(throwing: TrailError.journal(error))
        }
        nextSeq += 1
        journal.addOpen(segment: segment)
        pending[group, default: []].append(PendingRecord(seq: seq, segment: segment, eventTime: seconds, bytes: bytes))
        switch journalSettings.fsync {
        case .never:
            continuation.resume()
        case .always:
            do throws(FileIOError) {
                try journal.active?.sync()
                continuation.resume()
            } catch {
                noteError("journal fsync: \(error)")
                continuation.resume(throwing: TrailError.journal(error))
            }
        case .batch:
            waitingForSync.append(continuation)
            scheduleGroupSync()
        }
        if (pending[group]?.count ?? 0) >= settings.maxRecordsPerFile, openPlans.isEmpty {
            _ = deliverGroup(group, now: clock.now())
        }
    }

    /// Group commit: one fsync, queued behind the appends already waiting on `queue`, covers all of them.
    /// It runs on `queue` itself: a separate sync queue cost two more thread wake-ups per call, which on
    /// two cores weighed more than the fsync (0.2 ms) that appends now wait behind.
    private func scheduleGroupSync() {
        guard !syncInFlight, !waitingForSync.isEmpty else { return }
        syncInFlight = true
        queue.async { [self] in
            syncInFlight = false
            let batch = waitingForSync
            waitingForSync = []
            guard phase == .running, let segment = journal?.active else {
                return batch.forEach { $0.resume(throwing: TrailError.stopped) }
            }
            do throws(FileIOError) {
                try segment.sync()
                batch.forEach { $0.resume() }
            } catch {
                noteError("journal fsync: \(error)")
                batch.forEach { $0.resume(throwing: TrailError.journal(error)) }
            }
        }
    }

    /// Syncs the journal now and releases every record waiting for a group commit.
    private func syncJournalNow() throws(FileIOError) {
        guard journalSettings.fsync != .never, let segment = journal?.active else { return }
        try segment.sync()
        let batch = waitingForSync
        waitingForSync = []
        batch.forEach { $0.resume() }
    }

    private func failWaiters(_ error: any Error) {
        let batch = waitingForSync
        waitingForSync = []
        batch.forEach { $0.resume(throwing: error) }
    }

    // MARK: - Delivery (on queue)

    /// Retries open deliveries (all of them when `force`, else those due), then, if none is
    /// failing, turns pending records into new deliveries. Returns the keys written.
    private func deliver(force: Bool) -> [String] {
        guard phase == .running else { return [] }
        let now = clock.now()
        var keys: [String] = []
        for id in openPlans.keys.sorted() {
            guard var plan = openPlans[id] else { continue }
            if !force, let due = plan.nextAttempt, due > now { return keys }
            switch execute(&plan) {
            case .delivered: keys.append(plan.entry.key)
            case .failed, .crashed: return keys
            }
        }
        for group in pending.keys.sorted() {
            while let records = pending[group], !records.isEmpty {
                guard let key = deliverGroup(group, now: now) else { return keys }
                keys.append(key)
            }
        }
        if phase == .running { journal?.compact() }
        return keys
    }

    /// Journals a delivery decision for up to `maxRecordsPerFile` of a group's records and
    /// executes it. Returns the key when the file was delivered.
    private func deliverGroup(_ group: Group, now: Date) -> String? {
        guard let journal, let records = pending[group], !records.isEmpty else { return nil }
        let chosen = Array(records.prefix(max(1, settings.maxRecordsPerFile)))
        let key = LogFileKey.make(
            prefix: settings.bucket.keyPrefix, organizationId: settings.organizationId, account: group.account,
            region: group.region, deliveredAt: now, unique: LogFileKey.uniqueString(using: random))
        let entry = DeliveryPlanEntry(
            planId: nextPlanId, key: key, account: group.account, region: group.region, deliveredAt: now,
            seqs: chosen.map(\.seq))
        let segment: Int
        do throws(FileIOError) {
            segment = try journal.append(.plan, entry.encode())
        } catch {
            noteError("journal append (delivery decision): \(error)")
            return nil
        }
        // From here the decision exists in the journal file: the records belong to it for good.
        nextPlanId += 1
        journal.addOpen(segment: segment)
        pending[group] = Array(records.dropFirst(chosen.count))
        if pending[group]?.isEmpty == true { pending[group] = nil }
        var plan = Plan(entry: entry, segment: segment, records: chosen)
        openPlans[entry.planId] = plan
        do throws(FileIOError) {
            try syncJournalNow()
        } catch {
            noteError("journal fsync (delivery decision): \(error)")
            failPlan(&plan, "journal fsync: \(error)")
            return nil
        }
        if crashPoint == .afterPlanJournaled {
            crash()
            return nil
        }
        switch execute(&plan) {
        case .delivered: return key
        case .failed, .crashed: return nil
        }
    }

    private enum Outcome { case delivered, failed, crashed }

    /// Writes the plan's file, sidecar and notification, then journals it done.
    private func execute(_ plan: inout Plan) -> Outcome {
        do {
            let file = try writeDelivery(plan)
            guard let journal else { return .crashed }
            // The hook runs before "done" is journaled, so a crash in between repeats it on replay
            // (at least once) instead of losing it.
            deliveryHandler?(file)
            // Not synced on its own: if lost, the replay rewrites identical bytes under the same key.
            _ = try? journal.append(.done, Journal.donePayload(planId: plan.entry.planId))
            journal.closeOpen(segment: plan.segment)
            for record in plan.records { journal.closeOpen(segment: record.segment) }
            openPlans[plan.entry.planId] = nil
            deliveredFiles += 1
            deliveredRecords += plan.records.count
            lastDeliveryTime = clock.now()
            lastError = nil
            lastErrorTime = nil
            consecutiveFailures = 0
            return .delivered
        } catch is SimulatedCrash {
            return .crashed
        } catch {
            failPlan(&plan, "\(error)")
            return .failed
        }
    }

    private func failPlan(_ plan: inout Plan, _ reason: String) {
        plan.attempts += 1
        let backoff = plan.attempts - 1 >= 6 ? 60 : Double(1 << max(plan.attempts - 1, 0))
        plan.nextAttempt = clock.now().addingTimeInterval(backoff)
        openPlans[plan.entry.planId] = plan
        consecutiveFailures += 1
        noteError("delivery of \(plan.entry.key) failed (attempt \(plan.attempts)): \(reason)")
    }

    private func writeDelivery(_ plan: Plan) throws -> DeliveredLogFile {
        // Compact JSON, records joined verbatim: that real files are compact is Unverified
        // (reference §1.3, §7 item 5) but every parser accepts it, and these bytes are what the
        // SHA-256 for digests covers.
        let body = LogFileWriter.body(plan.records.map(\.bytes))
        let compressed = try Gzip.compress(body, level: LogFileWriter.compressionLevel)
        let durable = journalSettings.fsync != .never
        let key = plan.entry.key
        let finalPath = FileIO.join(bucketRoot, key)
        let fileName = FileIO.lastComponent(key)
        let tempPath = FileIO.join(bucketRoot, ".dynamotrail/tmp/\(plan.entry.planId)-\(fileName).tmp")

        try FileIO.makeDirectories(FileIO.parent(finalPath))
        try FileIO.makeDirectories(FileIO.parent(tempPath))
        try FileIO.writeFile(compressed, to: tempPath, durable: durable)
        try checkCrash(.afterTempFileWritten)
        try FileIO.rename(tempPath, to: finalPath, durable: durable)
        try checkCrash(.afterRename)

        let metadata = LogFileWriter.metadata(compressed: compressed, settings: settings, at: clock.now())
        let sidecar = FileIO.join(bucketRoot, ObjectMetadata.sidecarPath(forKey: key))
        try FileIO.writeAtomically(metadata.encoded(), to: sidecar, temp: sidecar + ".tmp", durable: durable)
        try checkCrash(.afterSidecar)

        let message = TrailNotification.message(bucket: settings.bucket.name, keys: [key])
        if let file = settings.notifications.file {
            var line = message
            line.append(UInt8(ascii: "\n"))
            // A replayed decision may already have its line (crash after the notification): keep one.
            let existing = plan.replayed ? ((try? FileIO.readFile(file)) ?? nil) : nil
            let already = existing.map { String(decoding: $0, as: UTF8.self).contains(#""\#(key)""#) } ?? false
            // As with SNS on AWS, a failed notification does not undo or block the delivery itself.
            if !already {
                do throws(FileIOError) {
                    try FileIO.append(line, to: file)
                    lastNotificationError = nil
                } catch {
                    lastNotificationError = "notification for \(key) not written: \(error)"
                    log("cloudtrail: notification for \(key) not written: \(error)")
                }
            }
        }
        try checkCrash(.afterNotification)
        if let webhook {
            let topic =
                settings.notifications.topicArn
                ?? "arn:aws:sns:\(settings.homeRegion):\(plan.entry.account):\(settings.name)"
            let messageId = random.uuid()
            webhook.post(
                TrailNotification.envelope(message: message, messageId: messageId, topicArn: topic, timestamp: clock.now()),
                messageId: messageId, topicArn: topic)
        }
        let times = plan.records.map(\.eventTime)
        return DeliveredLogFile(
            bucket: settings.bucket.name, key: key, account: plan.entry.account, region: plan.entry.region,
            sha256Hex: Digest.sha256Hex(body),
            oldestEventTime: Date(timeIntervalSince1970: Double(times.min() ?? 0)),
            newestEventTime: Date(timeIntervalSince1970: Double(times.max() ?? 0)),
            deliveredAt: plan.entry.deliveredAt, recordCount: plan.records.count, replayed: plan.replayed)
    }

    // MARK: - Replay (on queue)

    private func replayJournal() throws(FileIOError) {
        let journal = Journal(directory: journalDirectory, segmentBytes: max(4096, journalSettings.segmentBytes))
        let entries = try journal.open(log: log)
        var records: [UInt64: PendingRecord] = [:]
        var groups: [UInt64: Group] = [:]
        var plans: [UInt64: (entry: DeliveryPlanEntry, segment: Int)] = [:]
        var doneIds: [UInt64] = []
        for (segment, entry) in entries {
            switch entry {
            case .record(let record):
                records[record.seq] = PendingRecord(
                    seq: record.seq, segment: segment, eventTime: record.eventTime, bytes: record.bytes)
                groups[record.seq] = Group(account: record.account, region: record.region)
                journal.addOpen(segment: segment)
                nextSeq = max(nextSeq, record.seq + 1)
            case .plan(let plan):
                plans[plan.planId] = (plan, segment)
                journal.addOpen(segment: segment)
                nextPlanId = max(nextPlanId, plan.planId + 1)
            case .done(let id):
                doneIds.append(id)
            }
        }
        for id in doneIds {
            guard let plan = plans.removeValue(forKey: id) else { continue }
            journal.closeOpen(segment: plan.segment)
            for seq in plan.entry.seqs {
                if let record = records.removeValue(forKey: seq) { journal.closeOpen(segment: record.segment) }
            }
        }
        for id in plans.keys.sorted() {
            guard let (entry, segment) = plans[id] else { continue }
            let claimed = entry.seqs.compactMap { records.removeValue(forKey: $0) }
            if claimed.isEmpty {
                // Only possible after outside damage to older segments: never write an empty file.
                log("journal: delivery \(entry.key) has no readable records; closing it")
                try journal.append(.done, Journal.donePayload(planId: id))
                journal.closeOpen(segment: segment)
                continue
            }
            var plan = Plan(entry: entry, segment: segment, records: claimed)
            plan.entry.seqs = claimed.map(\.seq)
            plan.replayed = true
            openPlans[id] = plan
        }
        for seq in records.keys.sorted() {
            guard let record = records[seq], let group = groups[seq] else { continue }
            pending[group, default: []].append(record)
        }
        self.journal = journal
        if !openPlans.isEmpty || !pending.isEmpty {
            log(
                "journal: replaying \(openPlans.count) open deliveries and \(pendingCount() - openPlans.values.reduce(0) { $0 + $1.records.count }) undelivered records"
            )
        }
    }

    // MARK: - Timers, retention, health (on queue)

    private func startTimers() {
        let interval = max(0.05, settings.deliveryIntervalSeconds)
        let delivery = DispatchSource.makeTimerSource(queue: queue)
        delivery.schedule(deadline: .now() + interval, repeating: interval)
        delivery.setEventHandler { [weak self] in _ = self?.deliver(force: false) }
        delivery.resume()
        deliveryTimer = delivery
        if settings.retention.archiveAfterDays != nil || settings.retention.deleteAfterDays != nil {
            let retention = DispatchSource.makeTimerSource(queue: queue)
            retention.schedule(deadline: .now() + 3600, repeating: 3600)
            retention.setEventHandler { [weak self] in _ = self?.runRetention() }
            retention.resume()
            retentionTimer = retention
        }
    }

    private func runRetention() -> RetentionReport {
        let report = Retention.apply(
            bucketRoot: bucketRoot,
            logsRoot: LogFileKey.root(prefix: settings.bucket.keyPrefix, organizationId: nil),
            settings: settings.retention, now: clock.now())
        if !report.archived.isEmpty || !report.deleted.isEmpty || !report.errors.isEmpty {
            log("retention: archived \(report.archived.count), deleted \(report.deleted.count), errors \(report.errors.count)")
        }
        return report
    }

    private func pendingCount() -> Int {
        pending.values.reduce(0) { $0 + $1.count } + openPlans.values.reduce(0) { $0 + $1.records.count }
    }

    private func noteError(_ message: String) {
        lastError = message
        lastErrorTime = clock.now()
        log("cloudtrail: \(message)")
    }

    private func stop(phase newPhase: Phase) {
        deliveryTimer?.cancel()
        retentionTimer?.cancel()
        deliveryTimer = nil
        retentionTimer = nil
        if newPhase == .stopped { try? syncJournalNow() }
        failWaiters(TrailError.stopped)
        journal = nil
        phase = newPhase
    }

    private func checkCrash(_ point: CrashPoint) throws {
        if crashPoint == point {
            crash()
            throw SimulatedCrash()
        }
    }

    /// Test hook: behaves like `kill -9` at this instant: nothing more is written, unsynced
    /// waiters are never acknowledged.
    private func crash() {
        crashPoint = nil
        stop(phase: .crashed)
    }

    /// Test hook: one delivery-timer tick, now.
    func tick() -> [String] { queue.sync { deliver(force: false) } }

    /// Test hook: simulate `kill -9` now.
    func simulateCrash() { queue.sync { crash() } }

    /// Test hook: arm a crash point for the next delivery.
    func armCrash(_ point: CrashPoint?) { queue.sync { crashPoint = point } }
}
