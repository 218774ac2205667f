import AWSProtocol
import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The CloudTrail engine: takes finished calls, makes them durable in the journal, and delivers
/// them as CloudTrail log files into the bucket directory with sidecars and notifications.
///
/// Flow of one record: rendered to its exact bytes on the caller's task (`RenderedRecord`) →
/// appended to the journal and synced per `journal.fsync` (`+Recording`) → `record` returns →
/// grouped per (account, region) → at the delivery interval, at `maxRecordsPerFile`, on `flush()`
/// or `shutdown()`, a delivery decision (key + record list) is journaled and synced → the log file
/// and its sidecar are written by `LogFileWriter` (`+Delivery`) → notification line and webhook
/// (`+Notifications`) → "done" journaled → delivery hook. A crash at any point is repaired on
/// `start()` (`+Replay`): open decisions are re-executed byte-identically under the same key, and
/// records without a decision are delivered — each acknowledged record exactly once.
/// `start()` first takes the journal directory's lock (`StateLock`: one recorder per journal) and
/// then keeps a disk reserve beside the journal (`+Reserve`): while it is spent, new calls are refused.
///
/// Isolation: every mutable field lives in `state`, confined to `queue`, a private serial
/// DispatchQueue that also runs all blocking file I/O and the journal fsyncs (never async code);
/// async entry points hop onto it with continuations, and `recordImmediately` runs its journal append
/// under it synchronously (inline on a Dispatch caller's thread while it is idle). Time comes only from `clock`, event ids and
/// file-name randomness only from `random`.
// @unchecked: all mutable state (`state`) is confined to `queue`; the other stored properties are immutable.
public final class TrailRecorder: @unchecked Sendable {
    public let settings: TrailSettings
    public let journalSettings: JournalSettings
    /// The bucket directory (`trail.bucket.path`).
    public let bucketRoot: String
    /// Where journal segments live.
    public let journalDirectory: String

    let clock: any WallClock
    let random: any RandomSource
    let log: @Sendable (String) -> Void
    let queue = DispatchQueue(label: "dynamotrail.cloudtrail.recorder")
    let webhook: WebhookPoster?
    /// Whether new calls are taken; readable without the queue (see `TrailRecorder+Reserve`).
    let admission = TrailAdmission()
    /// The event selectors of each trail (readable without the queue; see `TrailSelection`).
    public let selection: TrailSelection

    /// Everything that changes (see `State`); touched only on `queue`.
    var state: State

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
        self.journalDirectory = journal.path ?? settings.state.journal
        self.selection = TrailSelection(
            configured: settings.configuredEventSelectors, file: settings.state.eventSelectorsFile, log: log)
        self.state = State(logging: TrailLoggingStates(base: TrailLoggingStatus(isLogging: true, startedAt: clock.now())))
        if let url = settings.notifications.webhookURL, let webhookTransport {
            webhook = WebhookPoster(url: url, transport: webhookTransport, log: log)
        } else {
            webhook = nil
        }
    }

    deinit {
        state.deliveryTimer?.cancel()
        state.retentionTimer?.cancel()
    }

    // MARK: - Lifecycle

    /// Opens and replays the journal (re-executing open delivery decisions under their recorded
    /// keys, then delivering records that had none), applies retention, and starts the delivery
    /// and hourly retention timers. Blocking: call it at startup, not from async code.
    /// - Returns: the keys written by the replay.
    @discardableResult
    public func start() throws(TrailError) -> [String] {
        let result: Result<[String], TrailError> = queue.sync {
            guard state.phase == .idle else { return .failure(.stopped) }
            if state.stateLock == nil {
                do throws(TrailError) {
                    state.stateLock = try StateLock(directory: journalDirectory)
                } catch {
                    noteError("journal lock: \(error)")
                    return .failure(error)
                }
            }
            do throws(FileIOError) {
                try replayJournal()
            } catch {
                noteError("journal replay: \(error)")
                state.stateLock = nil
                return .failure(.journal(error))
            }
            state.phase = .running
            openReserve()
            let keys = deliver(force: true)
            _ = runRetention()
            startTimers()
            return .success(keys)
        }
        return try result.get()
    }

    /// Delivers everything pending now, retrying failed deliveries first. Returns the keys written.
    public func flush() async -> [String] {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.state.phase == .running ? self.deliver(force: true) : []) }
        }
    }

    /// Delivers everything, stops the timers and closes the journal. Records still undeliverable
    /// (e.g. unwritable bucket) stay in the journal for the next start.
    public func shutdown() async -> [String] {
        await withCheckedContinuation { continuation in
            queue.async {
                guard self.state.phase == .running else { return continuation.resume(returning: []) }
                let keys = self.deliver(force: true)
                self.stop(phase: .stopped)
                continuation.resume(returning: keys)
            }
        }
    }

    /// StartLogging / StopLogging of `account`'s trail (nil: every trail, as for an organization trail):
    /// while off, `record` keeps nothing of that account (already pending records are still delivered).
    /// The time is kept only on a real transition. Blocking: call it off the concurrency threads.
    public func setLogging(_ on: Bool, at time: Date? = nil, account: String? = nil) {
        let time = time ?? clock.now()
        queue.sync { state.logging.set(on, at: time, account: account) }
    }

    /// Whether the trail of every account not switched on its own (the organization trail) is logging
    /// and since when. Blocking: call it off the concurrency threads.
    public var loggingStatus: TrailLoggingStatus { loggingStatus(account: nil) }

    /// Whether `account`'s trail is logging and since when (nil: see `loggingStatus`). Blocking.
    public func loggingStatus(account: String?) -> TrailLoggingStatus { queue.sync { state.logging.status(account: account) } }

    /// Installs the hook called for every delivered file (at least once per key: a replay after a
    /// crash may call it again, with `replayed` set). It runs on the recorder's queue: keep it
    /// short and never call back into the recorder synchronously from it (deadlock).
    public func setDeliveryHandler(_ handler: (@Sendable (DeliveredLogFile) -> Void)?) {
        queue.sync { state.deliveryHandler = handler }
    }

    /// The delivery hook (see `setDeliveryHandler`); set it before `start()` so replays are seen.
    public var onDelivered: (@Sendable (DeliveredLogFile) -> Void)? {
        get { queue.sync { state.deliveryHandler } }
        set { queue.sync { state.deliveryHandler = newValue } }
    }

    /// Stops the timers, fails every record still waiting for a group commit and closes the journal
    /// (synced first on an orderly stop; a crash leaves it as it is).
    func stop(phase newPhase: Phase) {
        state.deliveryTimer?.cancel()
        state.retentionTimer?.cancel()
        state.deliveryTimer = nil
        state.retentionTimer = nil
        if newPhase == .stopped { try? syncJournalNow() }
        failWaiters(TrailError.stopped)
        state.journal = nil
        state.reserve = nil
        state.stateLock = nil
        state.phase = newPhase
    }
}
