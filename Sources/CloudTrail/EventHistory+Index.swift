#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Keeping the index: adding entries, merging events read back from log files, and forgetting the
/// oldest (all with `state`'s lock held by the caller, except `merge`, which takes it).
extension EventHistory {
    /// Adds `event` to the index (in time order, or at the end when `inOrder` is false: the caller
    /// sorts) and its bytes to the open block, numbered next in arrival order. Returns the block this
    /// sealed, if any (to compress outside the lock).
    static func insert(_ event: HistoryEvent, into state: inout State, inOrder: Bool = true) -> UInt32? {
        let placed = state.store.append(event.bytes)
        let eventID = HistoryEventID.packed(event.eventID) ?? .pooled(state.texts.retain(event.eventID))
        let flattened = event.resources.flatMap { [$0.type, $0.name] }
        let entry = HistoryIndexEntry(
            eventTime: event.eventTime, sequence: state.nextSequence, eventID: eventID,
            eventName: state.texts.retain(event.eventName), eventSource: state.texts.retain(event.eventSource),
            accessKeyId: state.texts.retain(event.accessKeyId), username: state.texts.retain(event.username),
            userArn: state.texts.retain(event.userArn), errorCode: state.texts.retain(event.errorCode),
            place: state.lists.retain([event.account, event.region]),
            resources: state.lists.retain(flattened.isEmpty ? nil : flattened), block: placed.block,
            slot: placed.slot, readOnly: event.readOnly)
        state.nextSequence += 1
        // Calls finish nearly in time order: the insertion point is almost always the end.
        var index = state.entries.endIndex
        while inOrder, index > state.entries.startIndex, state.entries[index - 1].eventTime > entry.eventTime { index -= 1 }
        state.entries.insert(entry, at: index)
        return placed.sealed
    }

    /// Adds events read back from log files (see `load(from:resources:)`), skipping eventIDs already
    /// held, numbered in time order, and compresses the blocks this filled. Returns how many were added.
    func merge(_ loaded: [HistoryEvent]) -> Int {
        guard !loaded.isEmpty else { return 0 }
        let ordered = loaded.enumerated().sorted { ($0.element.eventTime, $0.offset) < ($1.element.eventTime, $1.offset) }
        let oldest = ordered[0].element.eventTime
        let (added, sealed) = state.withLock { state in
            var known = Set<HistoryEventID>()
            for entry in state.entries.reversed() {
                if entry.eventTime < oldest { break }
                known.insert(entry.eventID)
            }
            var added = 0
            var sealed: [UInt32] = []
            for (_, event) in ordered {
                let key = HistoryEventID.packed(event.eventID) ?? state.texts.id(of: event.eventID).map(HistoryEventID.pooled)
                if let key, known.contains(key) { continue }
                if let block = Self.insert(event, into: &state, inOrder: false) { sealed.append(block) }
                known.insert(HistoryEventID.packed(event.eventID) ?? .pooled(state.texts.id(of: event.eventID) ?? 0))
                added += 1
            }
            if added > 0 {
                // Files come by account and region, then time: a batch may be older than what is held.
                state.entries.sort { ($0.eventTime, $0.sequence) < ($1.eventTime, $1.sequence) }
                trim(&state)
            }
            return (added, sealed)
        }
        sealed.forEach(compress)
        return added
    }

    /// Forgets events past the 90 days, beyond capacity and beyond `maxBytes`, in batches so appends
    /// stay amortised O(1).
    func trim(_ state: inout State) {
        let slack = max(1, capacity / 16)
        if state.entries.count > capacity + slack {
            Self.removeOldest(state.entries.count - capacity, from: &state)
        }
        if state.heldBytes > maxBytes + maxBytes / 16 {
            // Blocks are freed with their last entry, so bytes fall in steps: remove in slices.
            while state.heldBytes > maxBytes, !state.entries.isEmpty {
                Self.removeOldest(max(1, state.entries.count / 32), from: &state)
            }
        }
        let oldestAllowed = UTCTime.clampedSeconds(clock.now().addingTimeInterval(-Self.retention))
        if let first = state.entries.first, first.eventTime < oldestAllowed {
            let expired = state.entries.prefix(while: { $0.eventTime < oldestAllowed }).count
            if expired >= slack || expired == state.entries.count { Self.removeOldest(expired, from: &state) }
        }
    }

    /// Forgets the `count` oldest entries, their pooled texts and, with their last entry, their blocks.
    static func removeOldest(_ count: Int, from state: inout State) {
        for entry in state.entries.prefix(count) {
            if case .pooled(let id) = entry.eventID { state.texts.release(id) }
            for id in [
                entry.eventName, entry.eventSource, entry.accessKeyId, entry.username, entry.userArn, entry.errorCode,
            ] {
                state.texts.release(id)
            }
            state.lists.release(entry.place)
            state.lists.release(entry.resources)
            state.store.release(entry.block)
        }
        state.entries.removeFirst(count)
    }
}
