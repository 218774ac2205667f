#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Lookups: walking the index newest first, then reading the page's records out of their blocks.
extension EventHistory {
    /// How many inflated blocks lookups keep (a page of 50 spans one or two).
    static let inflatedBlocksKept = 4

    /// A page entry found under the lock: its fields, and its record's bytes or the compressed
    /// block holding them.
    private struct Found {
        var event: HistoryEvent
        var block: UInt32
        var slot: UInt16
        var compressedBlock: HistoryRecordStore.Block?
    }

    /// One page of events matching `query`, newest first, and the cursor of the next page (nil on the last).
    public func lookup(_ query: HistoryQuery) -> HistoryPage {
        let oldestAllowed = UTCTime.clampedSeconds(clock.now().addingTimeInterval(-Self.retention))
        let lower = max(oldestAllowed, query.startTime.map(UTCTime.clampedSeconds) ?? Int64.min)
        let upper = query.endTime.map(UTCTime.clampedSeconds) ?? Int64.max
        let limit = max(1, query.limit)
        let (found, next) = state.withLock { state -> ([Found], HistoryCursor?) in
            guard let place = state.lists.id(of: [query.account, query.region]), var matcher = HistoryMatcher(query.attribute, state: state)
            else { return ([], nil) }
            let entries = state.entries
            var found: [Found] = []
            var index = query.after.map { Self.firstIndex(in: entries, notBefore: $0) } ?? entries.endIndex
            while index > entries.startIndex {
                index -= 1
                let entry = entries[index]
                if entry.eventTime < lower { break }
                if entry.eventTime > upper { continue }
                guard entry.place == place, matcher.matches(entry, state: state) else { continue }
                if found.count == limit {
                    let last = found[found.count - 1].event
                    return (found, HistoryCursor(eventTime: last.eventTime, sequence: last.sequence))
                }
                found.append(Self.found(entry, state: state))
            }
            return (found, nil)
        }
        let events = found.compactMap { item -> HistoryEvent? in
            guard let block = item.compressedBlock else { return item.event }
            guard let raw = inflate(item.block, block), let bytes = block.record(item.slot, in: raw) else { return nil }
            var event = item.event
            event.bytes = bytes
            return event
        }
        return HistoryPage(events: events, next: next)
    }

    /// The fields of `entry`, with its record's bytes when its block is raw (copied now: the open
    /// block keeps growing), else the compressed block to inflate outside the lock.
    private static func found(_ entry: HistoryIndexEntry, state: State) -> Found {
        let block = state.store.blocks[entry.block]
        var bytes: [UInt8] = []
        if let block, !block.compressed { bytes = block.record(entry.slot, in: block.bytes) ?? [] }
        let eventID: String
        switch entry.eventID {
        case .uuid(let high, let low): eventID = HistoryEventID.text(high: high, low: low)
        case .pooled(let id): eventID = state.texts.value(id) ?? ""
        }
        let flattened = state.lists.value(entry.resources) ?? []
        let place = state.lists.value(entry.place) ?? []
        let resources = stride(from: 0, to: flattened.count - 1, by: 2).map {
            LookupResource(type: flattened[$0], name: flattened[$0 + 1])
        }
        let event = HistoryEvent(
            sequence: entry.sequence, eventID: eventID, eventName: state.texts.value(entry.eventName) ?? "",
            eventSource: state.texts.value(entry.eventSource) ?? "", eventTime: entry.eventTime, readOnly: entry.readOnly,
            accessKeyId: state.texts.value(entry.accessKeyId), username: state.texts.value(entry.username),
            userArn: state.texts.value(entry.userArn), account: place.first ?? "", region: place.last ?? "",
            resources: resources,
            errorCode: state.texts.value(entry.errorCode), bytes: bytes)
        return Found(event: event, block: entry.block, slot: entry.slot, compressedBlock: block?.compressed == true ? block : nil)
    }

    /// The raw bytes of compressed block `number`, from the few kept or inflated now (nil if zlib fails).
    private func inflate(_ number: UInt32, _ block: HistoryRecordStore.Block) -> [UInt8]? {
        if let hit = inflated.withLock({ kept in kept.first { $0.block == number }?.bytes }) { return hit }
        guard let raw = try? Gzip.decompress(block.bytes) else { return nil }
        inflated.withLock { kept in
            kept.removeAll { $0.block == number }
            kept.insert((number, raw), at: 0)
            if kept.count > Self.inflatedBlocksKept { kept.removeLast(kept.count - Self.inflatedBlocksKept) }
        }
        return raw
    }

    /// The index of the first entry at or after `cursor` in (eventTime, sequence) order: entries
    /// before it are the ones older than the last event of the previous page.
    private static func firstIndex(in entries: [HistoryIndexEntry], notBefore cursor: HistoryCursor) -> Int {
        var low = entries.startIndex
        var high = entries.endIndex
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].precedes(cursor) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }
}
