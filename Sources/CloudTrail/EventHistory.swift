import AWSProtocol
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// CloudTrail's event history: the recorded management events that LookupEvents searches, kept in
/// memory, newest first, for 90 days (reference §6.2) and at most `capacity` events.
///
/// Like AWS's event history it is independent of the trail: it keeps every management event,
/// whether or not the trail is logging or filters it by `readWriteType`. Each entry holds the
/// record's exact bytes (the `CloudTrailEvent` string of LookupEvents) and its `eventID`, the same
/// ones the delivered log file carries. Events are visible as soon as `record` returns.
///
/// Isolation: all state is guarded by `lock`; every method is short and does no I/O, so it may be
/// called from any thread or task.
public final class EventHistory: @unchecked Sendable {
    /// How far back lookups reach (reference §6.2: "within the last 90 days").
    public static let retention: TimeInterval = 90 * 86_400
    /// The default number of events kept (about 1-2 KB each).
    public static let defaultCapacity = 20_000

    /// The most events kept; the oldest are forgotten first.
    public let capacity: Int
    let clock: any WallClock
    private let lock = Mutex(())
    /// Ascending by (eventTime, sequence); lookups walk it from the end.
    private var entries: [HistoryEvent] = []
    private var nextSequence: UInt64 = 1

    public init(capacity: Int = EventHistory.defaultCapacity, clock: any WallClock) {
        self.capacity = max(1, capacity)
        self.clock = clock
    }

    /// Adds one rendered record. `bytes` must be the record exactly as written to the log file and
    /// `eventID`/`eventTime` the values inside it. `resources` are the LookupEvents resources when
    /// the event carries no `resources` array of its own (the joining module knows the service).
    public func record(
        _ event: CloudTrailEvent, eventID: String, eventTime: Date, bytes: [UInt8], resources: [LookupResource] = []
    ) {
        let ownResources = event.resources?.map { LookupResource(type: $0.type, name: $0.arn) }
        let identity = event.context.identity
        lock.withLock { _ in
            let entry = HistoryEvent(
                sequence: nextSequence, eventID: eventID, eventName: event.eventName, eventSource: event.eventSource,
                eventTime: UTCTime.clampedSeconds(eventTime), readOnly: event.readOnly, accessKeyId: identity.accessKeyId,
                username: Self.username(identity), userArn: identity.arn, account: event.recipientAccountId,
                region: event.context.region, resources: ownResources ?? resources, errorCode: event.errorCode, bytes: bytes)
            nextSequence += 1
            // Calls finish nearly in time order: the insertion point is almost always the end.
            var index = entries.endIndex
            while index > entries.startIndex, entries[index - 1].eventTime > entry.eventTime { index -= 1 }
            entries.insert(entry, at: index)
            trim()
        }
    }

    /// The number of events held (including any older than the 90 days, until trimmed).
    public var count: Int {
        lock.withLock { _ in entries.count }
    }

    /// One page of events matching `query`, newest first, and the cursor of the next page (nil on the last).
    public func lookup(_ query: HistoryQuery) -> HistoryPage {
        let oldestAllowed = UTCTime.clampedSeconds(clock.now().addingTimeInterval(-Self.retention))
        let lower = max(oldestAllowed, query.startTime.map(UTCTime.clampedSeconds) ?? Int64.min)
        let upper = query.endTime.map(UTCTime.clampedSeconds) ?? Int64.max
        let limit = max(1, query.limit)
        return lock.withLock { _ in
            var found: [HistoryEvent] = []
            var index = entries.endIndex
            if let cursor = query.after {
                index = firstIndex(notBefore: cursor)
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

    /// LookupEvents' `Username` (reference §6.2): the user name for IAM users, the session name for
    /// assumed roles, the federated name for federated users, `root` for the account root.
    /// Root's `root` is what the console shows (Unverified for the API); anonymous callers have none.
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
        return lock.withLock { _ in
            var known = Set(entries.map(\.eventID))
            var added = 0
            let ordered = loaded.enumerated().sorted { ($0.element.eventTime, $0.offset) < ($1.element.eventTime, $1.offset) }
            for (_, event) in ordered where !known.contains(event.eventID) {
                known.insert(event.eventID)
                var numbered = event
                numbered.sequence = nextSequence
                nextSequence += 1
                entries.append(numbered)
                added += 1
            }
            if added > 0 {
                entries.sort { ($0.eventTime, $0.sequence) < ($1.eventTime, $1.sequence) }
                trim()
            }
            return added
        }
    }

    // MARK: - Private (lock held)

    /// The index of the first entry at or after `cursor` in (eventTime, sequence) order: entries
    /// before it are the ones older than the last event of the previous page.
    private func firstIndex(notBefore cursor: HistoryCursor) -> Int {
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

    /// Forgets events past the 90 days and beyond capacity, in batches so appends stay amortised O(1).
    private func trim() {
        let slack = max(1, capacity / 16)
        if entries.count > capacity + slack {
            entries.removeFirst(entries.count - capacity)
        }
        let oldestAllowed = UTCTime.clampedSeconds(clock.now().addingTimeInterval(-Self.retention))
        if let first = entries.first, first.eventTime < oldestAllowed {
            let expired = entries.prefix(while: { $0.eventTime < oldestAllowed }).count
            if expired >= slack || expired == entries.count { entries.removeFirst(expired) }
        }
    }
}
