import AWSProtocol
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// CloudTrail's event history: the recorded management events that LookupEvents searches, kept in
/// memory, newest first, for 90 days, at most `capacity` events and at most `maxBytes` of them
/// (records and their texts; the oldest are forgotten first, so memory stays flat however long the run). AWS: "You can look up events
/// that occurred in a Region within the last 90 days" ("LookupEvents", AWS CloudTrail API Reference,
/// https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html).
///
/// Like AWS's event history it is independent of the trail: it keeps every management event,
/// whether or not the trail is logging or filters it by `readWriteType`. Each entry holds the
/// record's exact bytes (the `CloudTrailEvent` string of LookupEvents) and its `eventID`, the same
/// ones the delivered log file carries. Events are visible as soon as `record` returns.
///
/// Isolation: all mutable state sits in a `Mutex<State>`; every method is short and does no I/O, so
/// it may be called from any thread or task.
public final class EventHistory: Sendable {
    /// How far back lookups reach ("within the last 90 days", see above).
    public static let retention: TimeInterval = 90 * 86_400
    /// The default number of events kept (about 1-2 KB each).
    public static let defaultCapacity = 20_000

    /// The default memory held (our proposal: 4 MiB, about 2,300 DynamoDB control-plane records; it
    /// keeps the peak RSS under 40 MB after 1,000,000 recorded calls, Tests/Benchmarks/run.py --long-run).
    public static let defaultMaxBytes = 4 * 1024 * 1024

    /// The most events kept; the oldest are forgotten first.
    public let capacity: Int
    /// The most bytes kept (see `HistoryEvent.footprint`); the oldest are forgotten first.
    public let maxBytes: Int
    let clock: any WallClock
    private let state = Mutex(State())

    /// The events held and the arrival numbering.
    private struct State {
        /// Ascending by (eventTime, sequence); lookups walk it from the end.
        var entries: [HistoryEvent] = []
        var nextSequence: UInt64 = 1
        /// The sum of the entries' footprints.
        var heldBytes = 0
    }

    public init(capacity: Int = EventHistory.defaultCapacity, maxBytes: Int = EventHistory.defaultMaxBytes, clock: any WallClock) {
        self.capacity = max(1, capacity)
        self.maxBytes = max(1, maxBytes)
        self.clock = clock
    }

    /// Adds one rendered record, with the same bytes and `eventID` as its log file. `resources` are
    /// the LookupEvents resources when the event carries no `resources` array of its own (the joining
    /// module knows the service).
    public func record(_ record: RenderedRecord, resources: [LookupResource] = []) {
        let event = record.event
        let ownResources = event.resources?.map { LookupResource(type: $0.type, name: $0.arn) }
        let identity = event.context.identity
        state.withLock { state in
            let entry = HistoryEvent(
                sequence: state.nextSequence, eventID: record.eventID, eventName: event.eventName,
                eventSource: event.eventSource, eventTime: UTCTime.clampedSeconds(record.eventTime), readOnly: event.readOnly,
                accessKeyId: identity.accessKeyId, username: Self.username(identity), userArn: identity.arn,
                account: record.account, region: record.region, resources: ownResources ?? resources,
                errorCode: event.errorCode, bytes: record.bytes)
            state.nextSequence += 1
            // Calls finish nearly in time order: the insertion point is almost always the end.
            var index = state.entries.endIndex
            while index > state.entries.startIndex, state.entries[index - 1].eventTime > entry.eventTime { index -= 1 }
            state.entries.insert(entry, at: index)
            state.heldBytes += entry.footprint
            trim(&state)
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

    /// The bytes held (the sum of `HistoryEvent.footprint`), at most about `maxBytes`.
    public var byteCount: Int {
        state.withLock { $0.heldBytes }
    }

    /// One page of events matching `query`, newest first, and the cursor of the next page (nil on the last).
    public func lookup(_ query: HistoryQuery) -> HistoryPage {
        let oldestAllowed = UTCTime.clampedSeconds(clock.now().addingTimeInterval(-Self.retention))
        let lower = max(oldestAllowed, query.startTime.map(UTCTime.clampedSeconds) ?? Int64.min)
        let upper = query.endTime.map(UTCTime.clampedSeconds) ?? Int64.max
        let limit = max(1, query.limit)
        return state.withLock { state in
            let entries = state.entries
            var found: [HistoryEvent] = []
            var index = entries.endIndex
            if let cursor = query.after {
                index = Self.firstIndex(in: entries, notBefore: cursor)
            }
            while index > entries.startIndex {
                index -= 1
                let entry = entries[index]
                if entry.eventTime < lower { break }
                if entry.eventTime > upper { continue }
                guard entry.account == query.account, entry.region == query.region else { continue }
                if let attribute = query.attribute, !entry.matches(attribute) { continue }
                if found.count == limit {
                    let last = found[found.count - 1]
                    return HistoryPage(events: found, next: HistoryCursor(eventTime: last.eventTime, sequence: last.sequence))
                }
                found.append(entry)
            }
            return HistoryPage(events: found, next: nil)
        }
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

    /// Adds events read back from log files (see `load(from:resources:)`), skipping eventIDs already
    /// held, numbered in time order. Returns how many were added.
    func merge(_ loaded: [HistoryEvent]) -> Int {
        return state.withLock { state in
            var known = Set(state.entries.map(\.eventID))
            var added = 0
            let ordered = loaded.enumerated().sorted { ($0.element.eventTime, $0.offset) < ($1.element.eventTime, $1.offset) }
            for (_, event) in ordered where !known.contains(event.eventID) {
                known.insert(event.eventID)
                var numbered = event
                numbered.sequence = state.nextSequence
                state.nextSequence += 1
                state.entries.append(numbered)
                state.heldBytes += numbered.footprint
                added += 1
            }
            if added > 0 {
                state.entries.sort { ($0.eventTime, $0.sequence) < ($1.eventTime, $1.sequence) }
                trim(&state)
            }
            return added
        }
    }

    // MARK: - Private (lock held)

    /// The index of the first entry at or after `cursor` in (eventTime, sequence) order: entries
    /// before it are the ones older than the last event of the previous page.
    private static func firstIndex(in entries: [HistoryEvent], notBefore cursor: HistoryCursor) -> Int {
        var low = entries.startIndex
        var high = entries.endIndex
        while low < high {
            let middle = (low + high) / 2
            let entry = entries[middle]
            if (entry.eventTime, entry.sequence) < (cursor.eventTime, cursor.sequence) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// Forgets events past the 90 days, beyond capacity and beyond `maxBytes`, in batches so appends
    /// stay amortised O(1).
    private func trim(_ state: inout State) {
        let slack = max(1, capacity / 16)
        if state.entries.count > capacity + slack {
            removeOldest(state.entries.count - capacity, from: &state)
        }
        if state.heldBytes > maxBytes + maxBytes / 16 {
            var excess = state.heldBytes - maxBytes
            var count = 0
            while excess > 0, count < state.entries.count {
                excess -= state.entries[count].footprint
                count += 1
            }
            removeOldest(count, from: &state)
        }
        let oldestAllowed = UTCTime.clampedSeconds(clock.now().addingTimeInterval(-Self.retention))
        if let first = state.entries.first, first.eventTime < oldestAllowed {
            let expired = state.entries.prefix(while: { $0.eventTime < oldestAllowed }).count
            if expired >= slack || expired == state.entries.count { removeOldest(expired, from: &state) }
        }
    }

    private func removeOldest(_ count: Int, from state: inout State) {
        state.heldBytes -= state.entries.prefix(count).reduce(0) { $0 + $1.footprint }
        state.entries.removeFirst(count)
    }
}
