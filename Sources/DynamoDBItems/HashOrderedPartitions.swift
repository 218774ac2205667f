/// Partitions found by key and walked in partition-hash order (the order of a Scan and of its parallel
/// segments). Each partition holds its entries sorted by `Entry.order`. A value type: the owner of the
/// store keeps it confined (an actor's state).
struct HashOrderedPartitions<Entry: PartitionEntry>: Sendable {
    /// Partitions by key, each with its entries sorted.
    private(set) var partitions: [KeyValue: [Entry]] = [:]
    /// Partition keys in 4096 buckets by the hash's top 12 bits, each bucket sorted by (hash, key), so an
    /// insertion moves a few hundred slots even with a million partitions.
    private var buckets: [[Slot]] = Array(repeating: [], count: HashOrderedPartitions.bucketCount)

    static var bucketCount: Int { 4096 }

    struct Slot: Sendable, Comparable {
        var hash: UInt64
        var key: KeyValue
        static func < (lhs: Slot, rhs: Slot) -> Bool { lhs.hash != rhs.hash ? lhs.hash < rhs.hash : lhs.key < rhs.key }
    }

    private static func bucket(of hash: UInt64) -> Int { Int(hash >> 52) }

    func entries(in partition: KeyValue) -> [Entry] { partitions[partition] ?? [] }

    /// Inserts or replaces the entry with `entry`'s order; returns the entry it replaced.
    @discardableResult
    mutating func upsert(_ entry: Entry, in partition: KeyValue) -> Entry? {
        guard var entries = partitions[partition] else {
            partitions[partition] = [entry]
            let slot = Slot(hash: partition.partitionHash, key: partition)
            let bucket = Self.bucket(of: slot.hash)
            buckets[bucket].insert(slot, at: buckets[bucket].partitioningIndex { !($0 < slot) })
            return nil
        }
        partitions[partition] = nil  // keep the array uniquely referenced while it changes
        let index = entries.partitioningIndex { !($0.order < entry.order) }
        var replaced: Entry?
        if index < entries.count, entries[index].order == entry.order {
            replaced = entries[index]
            entries[index] = entry
        } else {
            entries.insert(entry, at: index)
        }
        partitions[partition] = entries
        return replaced
    }

    /// Removes the entry ordered at `order`; returns it.
    @discardableResult
    mutating func remove(_ order: Entry.Order, in partition: KeyValue) -> Entry? {
        guard var entries = partitions[partition] else { return nil }
        partitions[partition] = nil
        let index = entries.partitioningIndex { !($0.order < order) }
        guard index < entries.count, entries[index].order == order else {
            partitions[partition] = entries
            return nil
        }
        let removed = entries.remove(at: index)
        if entries.isEmpty {
            let slot = Slot(hash: partition.partitionHash, key: partition)
            let bucket = Self.bucket(of: slot.hash)
            if let position = buckets[bucket].firstIndex(of: slot) { buckets[bucket].remove(at: position) }
        } else {
            partitions[partition] = entries
        }
        return removed
    }

    /// Partition keys in scan order whose hash falls in `segment` of `totalSegments` (equal hash ranges),
    /// starting after `after` (a partition key whose partition may be gone), calling `body` until it returns false.
    func forEachPartition(
        segment: Int, of totalSegments: Int, after: KeyValue?, _ body: (KeyValue, [Entry]) throws -> Bool
    ) rethrows {
        let total = UInt64(max(totalSegments, 1))
        let low = Self.segmentStart(UInt64(segment), total)
        let high = UInt64(segment) + 1 == total ? nil : Self.segmentStart(UInt64(segment) + 1, total)
        let start = after.map { Slot(hash: $0.partitionHash, key: $0) }
        for bucket in Self.bucket(of: max(low, start?.hash ?? 0))..<Self.bucketCount {
            for slot in buckets[bucket] {
                if let start, !(start < slot) { continue }
                if slot.hash < low { continue }
                if let high, slot.hash >= high { return }
                if try !body(slot.key, partitions[slot.key] ?? []) { return }
            }
        }
    }

    /// The first hash of segment `segment` of `total`: ⌊segment × 2⁶⁴ / total⌋.
    static func segmentStart(_ segment: UInt64, _ total: UInt64) -> UInt64 {
        guard segment > 0 else { return 0 }
        let (quotient, _) = total.dividingFullWidth((high: segment, low: 0))
        return quotient
    }
}

extension Array {
    /// The first index whose element satisfies `belongsToSecondHalf` (which must be false then true along the array).
    func partitioningIndex(where belongsToSecondHalf: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongsToSecondHalf(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
