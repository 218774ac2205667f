import AWSProtocol
import CZlib
import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// CloudTrail's event history: the recorded management events that LookupEvents searches, newest
/// first, for 90 days, at most `capacity` events and at most `maxBytes` of memory (the oldest are
/// forgotten first, so memory stays flat however long the run). AWS: "You can look up events that
/// occurred in a Region within the last 90 days" ("LookupEvents", AWS CloudTrail API Reference,
/// https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html).
///
/// Like AWS's event history it is independent of the trail: it keeps every management event,
/// whether or not the trail is logging or filters it by `readWriteType`. It is a compact index
/// (`HistoryIndexEntry`: times, ids and pooled texts, 72 bytes an event) over the records'
/// exact bytes (the `CloudTrailEvent` string of LookupEvents, the same bytes the log file carries),
/// which `HistoryRecordStore` keeps gzip-compressed in blocks of about 64 KiB; a page inflates only
/// the blocks its events are in. Events are visible as soon as `record` returns.
///
/// Isolation: all mutable state sits in a `Mutex<State>`; every method holding it is short and does
/// no I/O, so it may be called from any thread or task. Blocks are compressed outside the lock, on
/// `compressionQueue` (recording) or on the caller's thread (`load`).
public final class EventHistory: Sendable {
    /// How far back lookups reach ("within the last 90 days", see above).
    public static let retention: TimeInterval = 90 * 86_400
    /// The default number of events kept.
    public static let defaultCapacity = 100_000

    /// The default memory held (our proposal: 4 MiB, observed to hold about 31,000 DescribeTable events
    /// with a peak RSS of 35 MB after 1,100,000 recorded calls, Tests/Benchmarks/run.py --long-run;
    /// 8 MiB held 62,000 but peaked at 47 MB); about 160 bytes an event (EventHistoryFootprintTests).
    public static let defaultMaxBytes = 4 * 1024 * 1024
    /// The raw size at which a block of records is sealed and compressed.
    static let defaultBlockBytes = 64 * 1024

    /// The most events kept; the oldest are forgotten first.
    public let capacity: Int
    /// The most bytes kept (see `byteCount`); the oldest events are forgotten first.
    public let maxBytes: Int
    let clock: any WallClock
    /// False in tests that read `byteCount` right after recording: blocks are compressed at once.
    let compressesInBackground: Bool
    let state: Mutex<State>
    /// The last few blocks inflated by lookups (consecutive pages read the same blocks).
    let inflated = Mutex<[(block: UInt32, bytes: [UInt8])]>([])

    /// Where recording's sealed blocks are compressed, so a call never waits for it.
    static let compressionQueue = DispatchQueue(label: "dynamotrail.cloudtrail.history-compression")

    /// The index, its pools and the record blocks.
    struct State {
        /// Ascending by (eventTime, sequence); lookups walk it from the end.
        var entries: [HistoryIndexEntry] = []
        var nextSequence: UInt64 = 1
        /// Event names, sources, users, error codes and non-UUID event ids.
        var texts = HistoryPool<String>(cost: HistoryPool<String>.stringBytes)
        /// `[account, region]` pairs and flattened `[type, name, …]` resource lists.
        var lists = HistoryPool<[String]>(cost: { $0.reduce(32) { $0 + HistoryPool<String>.stringBytes($1) } })
        var store: HistoryRecordStore

        /// The memory held: the index entries, the pools and the record blocks.
        var heldBytes: Int {
            entries.count * MemoryLayout<HistoryIndexEntry>.stride + texts.byteCount + lists.byteCount + store.byteCount
        }
    }

    public convenience init(
        capacity: Int = EventHistory.defaultCapacity, maxBytes: Int = EventHistory.defaultMaxBytes, clock: any WallClock
    ) {
        self.init(capacity: capacity, maxBytes: maxBytes, clock: clock, compressesInBackground: true)
    }

    init(capacity: Int, maxBytes: Int, clock: any WallClock, compressesInBackground: Bool) {
        self.capacity = max(1, capacity)
        self.maxBytes = max(1, maxBytes)
        self.clock = clock
        self.compressesInBackground = compressesInBackground
        let blockBytes = min(Self.defaultBlockBytes, max(1, maxBytes / 16))
        self.state = Mutex(State(store: HistoryRecordStore(blockBytes: blockBytes)))
    }

    /// Adds one rendered record, with the same bytes and `eventID` as its log file. `resources` are
    /// the LookupEvents resources when the event carries no `resources` array of its own (the joining
    /// module knows the service).
    public func record(_ record: RenderedRecord, resources: [LookupResource] = []) {
        let event = record.event
        let ownResources = event.resources?.map { LookupResource(type: $0.type, name: $0.arn) }
        let identity = event.context.identity
        let fields = HistoryEvent(
            sequence: 0, eventID: record.eventID, eventName: event.eventName, eventSource: event.eventSource,
            eventTime: UTCTime.clampedSeconds(record.eventTime), readOnly: event.readOnly,
            accessKeyId: identity.accessKeyId, username: Self.username(identity), userArn: identity.arn,
            account: record.account, region: record.region, resources: ownResources ?? resources,
            errorCode: event.errorCode, bytes: record.bytes)
        let sealed = state.withLock { state in
            let sealed = Self.insert(fields, into: &state)
            trim(&state)
            return sealed
        }
        guard let sealed else { return }
        if compressesInBackground {
            Self.compressionQueue.async { self.compress(sealed) }
        } else {
            compress(sealed)
        }
    }

    /// Adds one record rendered by the caller: `bytes` must be the record exactly as written to the log
    /// file and `eventID`/`eventTime` the values inside it (see `record(_:resources:)`).
    public func record(
        _ event: CloudTrailEvent, eventID: String, eventTime: Date, bytes: [UInt8], resources: [LookupResource] = []
    ) {
        record(RenderedRecord(event: event, eventID: eventID, eventTime: eventTime, bytes: bytes), resources: resources)
    }

    /// The number of events held (including any older than the 90 days, until trimmed).
    public var count: Int {
        state.withLock { $0.entries.count }
    }

    /// The bytes held (index entries, pooled texts, record blocks; our estimate), at most about `maxBytes`.
    public var byteCount: Int {
        state.withLock { $0.heldBytes }
    }

    /// Waits until the blocks sealed so far are compressed (tests that measure `byteCount`).
    func waitForCompression() {
        Self.compressionQueue.sync {}
    }

    /// LookupEvents' `Username`: the user name for IAM users, the session name for assumed roles (as
    /// in the AWS CLI's `lookup-events` example), the federated name for federated users, `root` for
    /// the account root. Root's `root` is what the console shows (Unverified for the API); anonymous
    /// callers have none.
    public static func username(_ identity: CallerIdentity) -> String? {
        switch identity.type {
        case .iamUser: return identity.userName ?? identity.arn.map(lastPathComponent)
        case .assumedRole, .federatedUser:
            if let colon = identity.principalId.lastIndex(of: ":") {
                return String(identity.principalId[identity.principalId.index(after: colon)...])
            }
            return identity.arn.map(lastPathComponent)
        case .root: return "root"
        case .awsAccount: return nil
        }
    }

    private static func lastPathComponent(_ arn: String) -> String {
        arn.split(separator: "/").last.map(String.init) ?? arn
    }

    /// Compresses sealed block `number` outside the lock and swaps it in; a block that fails to
    /// compress stays raw (still correct, only larger). zlib's fastest level: on 64 KiB of DynamoDB
    /// records it took a quarter of the default level's time for 13% more bytes (observed).
    func compress(_ number: UInt32) {
        guard let raw = state.withLock({ $0.store.sealedBytes(number) }) else { return }
        guard let packed = try? Gzip.compress(raw, level: Z_BEST_SPEED) else { return }
        state.withLock { $0.store.install(compressed: packed, for: number) }
    }
}
