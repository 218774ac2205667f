import AWSProtocol
import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes CloudTrail digest files (AWS: "CloudTrail digest file structure",
/// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html):
/// every `trail.digest.intervalSeconds`, one signed digest per (account, region) chain, listing the log files delivered since the previous
/// digest of that chain.
///
/// Which chains: every (account, region) that has ever had a log file delivered (learnt from the
/// recorder's delivery hook and kept in the digest state), and, once an account has one, every other
/// region its multi-region trail covers (`DigestRegions`: `trail.regions`, or the home region plus every
/// region with a delivery), so idle regions get their empty digests too. Each account's chains are its own
/// trail's (`<account>_CloudTrail-Digest_<region>_<trail>_<home>_…`). A chain starts at its first delivery
/// (or when its region joins) with a starting digest (all `previous*` fields `null`); after that it gets a digest every
/// interval, empty ones included (`"logFiles": []`, event times `null`), and a final one on
/// `shutdown()`; after a restart it continues where it stopped (the first digest after a
/// restart covers the downtime), so `validate-logs` sees one unbroken chain. Each digest is
/// signed with the current key of its delivery region (`SigningKeyStore`).
///
/// Wiring: `start()` (blocking; before `TrailRecorder.start()` so replayed deliveries are seen),
/// `recorder.setDeliveryHandler(writer.deliveryHandler)`, `shutdown()` after the recorder's.
/// Durability: see `DigestState`.
///
/// Isolation: all mutable state is confined to `queue`, a private serial DispatchQueue that also
/// runs all blocking file I/O; the delivery hook (called on the recorder's queue) hops onto it
/// synchronously; async entry points use continuations. Time comes only from `clock`.
// @unchecked: every mutable field is confined to `queue`; the other stored properties are immutable.
public final class DigestWriter: @unchecked Sendable {
    public let settings: TrailSettings
    public let keyStore: SigningKeyStore
    /// Where `state.json` and the WAL live (default `<state directory>/digests`).
    public let stateDirectory: String
    private let bucketRoot: String
    private let durable: Bool
    private let clock: any WallClock
    private let log: @Sendable (String) -> Void
    private let queue = DispatchQueue(label: "dynamotrail.cloudtrail.digests")
    /// The regions each account's trail covers: chains start in all of them (see `DigestRegions`).
    private let regions: DigestRegions

    // MARK: State (confined to `queue`)

    private enum Phase { case idle, running, stopped, crashed }
    private var phase = Phase.idle
    private var state = DigestState()
    private var wal: Int32 = -1
    private var walSize = 0
    /// Set after a WAL write failed: the next operation first rewrites the snapshot.
    private var needsCompaction = false
    private var timer: (any DispatchSourceTimer)?
    private var writtenDigests = 0
    private var lastError: String?

    /// Test hook: where a simulated `kill -9` happens in the next digest round.
    enum CrashPoint { case afterPlansJournaled, afterFilesWritten }
    var crashPoint: CrashPoint?

    /// - Parameters:
    ///   - durable: fsync the WAL, snapshots and digest files (false for `journal.fsync = never`).
    public init(
        settings: TrailSettings, keyStore: SigningKeyStore, clock: any WallClock, durable: Bool = true,
        stateDirectory: String? = nil, log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.settings = settings
        self.keyStore = keyStore
        self.clock = clock
        self.durable = durable
        self.bucketRoot = settings.bucket.path
        self.regions = DigestRegions(settings)
        self.stateDirectory = stateDirectory ?? settings.state.digests
        self.log = log
    }

    deinit {
        timer?.cancel()
        if wal >= 0 { FileIO.closeFile(wal) }
    }

    // MARK: - Lifecycle

    /// Loads the signing keys and the digest state (snapshot + WAL), rewrites digests that were
    /// decided but maybe not written, compacts, and starts the interval timer. Blocking.
    /// - Returns: digest keys (re)written by the replay.
    @discardableResult
    public func start() throws(FileIOError) -> [String] {
        let result: Result<[String], FileIOError> = queue.sync {
            guard phase == .idle else { return .success([]) }
            keyStore.load(log: log)
            do throws(FileIOError) {
                try loadState()
                let keys = executePending()
                try compact()
                phase = .running
                startTimer()
                return .success(keys)
            } catch {
                lastError = "\(error)"
                log("digests: cannot load state: \(error)")
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The hook to install with `TrailRecorder.setDeliveryHandler`: records the delivered log
    /// file in the open window of its chain, durably, before returning.
    public var deliveryHandler: @Sendable (DeliveredLogFile) -> Void {
        { [weak self] file in self?.logFileDelivered(file) }
    }

    /// Adds one delivered log file to its chain's open window (WAL append + fsync first).
    /// Duplicates (a replayed hook for a key already listed) are ignored. Blocking.
    public func logFileDelivered(_ file: DeliveredLogFile) {
        queue.sync {
            guard phase == .running else {
                log("digests: \(file.key) delivered while the digest writer is not running; not digested")
                return
            }
            let entry = DigestLogFile(
                bucket: file.bucket, key: file.key, sha256Hex: file.sha256Hex, oldestEventTime: file.oldestEventTime,
                newestEventTime: file.newestEventTime)
            let at = UTCTime.clampedSeconds(clock.now())
            var next = state
            guard next.applyLogFile(account: file.account, region: file.region, at: at, file: entry, regions: regions) else {
                return
            }
            do throws(FileIOError) {
                if needsCompaction { try compact() }
                try appendWAL(DigestState.logEntry(account: file.account, region: file.region, at: at, file: entry), sync: true)
            } catch {
                // Kept in memory regardless: it is digested unless the process dies first.
                noteError("journal of \(file.key): \(error)")
            }
            state = next
        }
    }

    /// Writes a digest for every chain now (the window ends now, or one second after the previous
    /// end if that is not yet past). Returns the keys written.
    public func flush() async -> [String] {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.phase == .running ? self.round(force: true) : []) }
        }
    }

    /// Writes the final digest of every chain, stops the timer and compacts the state.
    @discardableResult
    public func shutdown() async -> [String] {
        await withCheckedContinuation { continuation in
            queue.async {
                guard self.phase == .running else { return continuation.resume(returning: []) }
                let keys = self.round(force: true)
                self.timer?.cancel()
                self.timer = nil
                try? self.compact()
                self.closeWAL()
                self.phase = .stopped
                continuation.resume(returning: keys)
            }
        }
    }

    /// Digest files written since start, and the last error (for health).
    public var status: (writtenDigests: Int, chains: Int, pendingDigests: Int, lastError: String?) {
        queue.sync { (writtenDigests, state.chains.count, state.pending.count, lastError) }
    }

    // MARK: - Digest rounds (on queue)

    private func startTimer() {
        let interval = max(0.05, settings.digest.intervalSeconds)
        let source = DispatchSource.makeTimerSource(queue: queue)
        source.schedule(deadline: .now() + interval, repeating: interval)
        source.setEventHandler { [weak self] in _ = self?.round(force: false) }
        source.resume()
        timer = source
    }

    /// Retries unwritten digests, then decides, journals and writes one digest per chain.
    private func round(force: Bool) -> [String] {
        guard phase == .running else { return [] }
        var keys = executePending()
        if needsCompaction {
            do throws(FileIOError) { try compact() } catch {
                noteError("state snapshot: \(error)")
                return keys
            }
        }
        guard state.pending.isEmpty else { return keys }  // keep the chain order: never skip an unwritten digest
        let now = UTCTime.clampedSeconds(clock.now())
        var plans: [DigestState.Plan] = []
        var next = state
        for id in state.chains.keys.sorted() {
            guard let chain = state.chains[id] else { continue }
            var end = now
            if end <= chain.windowStart {
                guard force, chain.last == nil || !chain.open.isEmpty else { continue }
                end = chain.windowStart + 1
            }
            guard let plan = makePlan(chain, endTime: end) else { continue }
            next.applyPlan(plan)
            plans.append(plan)
        }
        guard !plans.isEmpty else { return keys }
        do throws(FileIOError) {
            for plan in plans { try appendWAL(DigestState.planEntry(plan), sync: false) }
            if durable { try FileIO.fsyncFile(wal, path: walPath(state.generation)) }
        } catch {
            noteError("journal of digest decisions: \(error)")
            needsCompaction = true
            return keys
        }
        state = next
        if crashPoint == .afterPlansJournaled { return crash(keys) }
        keys += executePending()
        if crashPoint == .afterFilesWritten { return crash(keys) }
        do throws(FileIOError) { try compact() } catch { noteError("state snapshot: \(error)") }
        return keys
    }

    /// Decides and signs one digest. It is signed with the key of the chain's *delivery* region:
    /// AWS only says "CloudTrail uses different key pairs for each AWS region" ("Validating CloudTrail log
    /// file integrity"); that the delivery region's key signs is
    /// inferred from the CLI, which asks `ListPublicKeys` in `--region`, the delivery region (Unverified).
    private func makePlan(_ chain: DigestState.Chain, endTime: Int64) -> DigestState.Plan? {
        let key: SigningKey
        do { key = try keyStore.signingKey(region: chain.region, at: Date(timeIntervalSince1970: Double(endTime))) } catch {
            noteError("signing key for \(chain.region): \(error)")
            return nil
        }
        let digestKey = DigestFile.key(
            prefix: settings.bucket.keyPrefix, organizationId: settings.organizationId, account: chain.account,
            region: chain.region, trailName: settings.name, homeRegion: settings.homeRegion,
            endTime: Date(timeIntervalSince1970: Double(endTime)))
        let previous = chain.last.map {
            PreviousDigest(bucket: $0.bucket, key: $0.key, sha256Hex: $0.sha256Hex, signatureHex: $0.signatureHex)
        }
        let digest = DigestFile(
            account: chain.account, startTime: Date(timeIntervalSince1970: Double(chain.windowStart)),
            endTime: Date(timeIntervalSince1970: Double(endTime)), bucket: settings.bucket.name, key: digestKey,
            fingerprint: key.fingerprint, logFiles: chain.open, previous: previous)
        do {
            let (body, hash, signature) = try digest.signed(with: key)
            return DigestState.Plan(
                account: chain.account, region: chain.region, bucket: settings.bucket.name, key: digestKey,
                startTime: chain.windowStart, endTime: endTime, body: body, sha256Hex: hash, signatureHex: signature,
                logKeys: chain.open.map(\.key))
        } catch {
            noteError("signing \(digestKey): \(error)")
            return nil
        }
    }

    /// Writes every pending plan's object and sidecar (same bytes on every attempt); the ones
    /// written leave `pending`. Stops at the first failure so later digests wait for it.
    private func executePending() -> [String] {
        var keys: [String] = []
        while let plan = state.pending.first {
            do {
                try writeDigest(plan)
            } catch {
                noteError("writing \(plan.key): \(error)")
                break
            }
            state.pending.removeFirst()
            writtenDigests += 1
            lastError = nil
            keys.append(plan.key)
        }
        return keys
    }

    private func writeDigest(_ plan: DigestState.Plan) throws {
        try DigestFile.writeObject(
            body: plan.body, signatureHex: plan.signatureHex, key: plan.key,
            endTime: Date(timeIntervalSince1970: Double(plan.endTime)), settings: settings, durable: durable)
    }

    // MARK: - State files (on queue)

    private var snapshotPath: String { FileIO.join(stateDirectory, "state.json") }
    private func walPath(_ generation: Int) -> String { FileIO.join(stateDirectory, "wal-\(generation).log") }

    private func loadState() throws(FileIOError) {
        try FileIO.makeDirectories(stateDirectory)
        if let bytes = try FileIO.readFile(snapshotPath) {
            if let decoded = DigestState.decodeSnapshot(bytes) {
                state = decoded
            } else {
                // Only outside damage gets here (snapshots are replaced atomically): keep the file for
                // inspection and start new chains (validate-logs reports the break as a gap) rather
                // than refuse to serve.
                let aside = snapshotPath + ".corrupt"
                try FileIO.rename(snapshotPath, to: aside, durable: durable)
                log("digests: \(snapshotPath) is unreadable; moved to \(aside), starting new digest chains")
                return
            }
        }
        if let bytes = try FileIO.readFile(walPath(state.generation)) {
            let intact = state.replay(wal: bytes, regions: regions)
            if intact < bytes.count { log("digests: ignoring \(bytes.count - intact) torn bytes at the end of the WAL") }
        }
    }

    /// Writes the snapshot of `state` as generation N+1, then removes older WALs.
    private func compact() throws(FileIOError) {
        closeWAL()
        var next = state
        next.generation = state.generation + 1
        try FileIO.writeAtomically(next.snapshot(), to: snapshotPath, temp: snapshotPath + ".tmp", durable: durable)
        state.generation = next.generation
        needsCompaction = false
        let names = FileIO.listDirectory(stateDirectory) ?? []
        for name in names where name.hasPrefix("wal-") && name != "wal-\(state.generation).log" {
            try? FileIO.remove(FileIO.join(stateDirectory, name))
        }
    }

    private func appendWAL(_ bytes: [UInt8], sync: Bool) throws(FileIOError) {
        let path = walPath(state.generation)
        if wal < 0 {
            (wal, walSize) = try FileIO.openForAppend(path)
        }
        do throws(FileIOError) {
            try FileIO.writeAll(wal, bytes, path: path)
            if sync, durable { try FileIO.fsyncFile(wal, path: path) }
        } catch {
            // A torn entry ends the log on replay; start over from a fresh snapshot next time.
            _ = FileIO.truncate(fd: wal, to: walSize)
            needsCompaction = true
            throw error
        }
        walSize += bytes.count
    }

    private func closeWAL() {
        if wal >= 0 { FileIO.closeFile(wal) }
        wal = -1
        walSize = 0
    }

    private func noteError(_ message: String) {
        lastError = message
        log("digests: \(message)")
    }

    // MARK: - Test hooks

    private func crash(_ keys: [String]) -> [String] {
        crashPoint = nil
        timer?.cancel()
        timer = nil
        closeWAL()
        phase = .crashed
        return keys
    }

    /// Test hook: one timer tick, now.
    func tick() -> [String] { queue.sync { round(force: false) } }

    /// Test hook: arm a crash for the next round.
    func armCrash(_ point: CrashPoint?) { queue.sync { crashPoint = point } }

    /// Test hook: simulate `kill -9` now (nothing more is written).
    func simulateCrash() { queue.sync { _ = crash([]) } }
}
