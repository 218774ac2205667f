/// Partitions found by key and walked in partition-hash order (the order of a Scan and of its parallel
/// segments). Each partition holds its entries sorted by `Entry.order`. A value type: the owner of the
/// store keeps it confined (an actor's state).
struct HashOrderedPartitions<Entry: PartitionEntry>: Sendable {
    /// The partitions in 4096 buckets by the hash's top 12 bits, each bucket sorted by (hash, key): a
    /// partition is found by binary search in its bucket (no separate dictionary: one slot per partition),
    /// and an insertion moves a few hundred slots even with a million partitions.
    private var buckets: [[Slot]] = Array(repeating: [], count: HashOrderedPartitions.bucketCount)

    static var bucketCount: Int { 4096 }

    struct Slot: Sendable {
        var hash: UInt64
        var key: KeyValue
        var entries: PartitionEntries<Entry>

        /// Whether the slot sorts before the partition `key` of hash `hash`.
        func precedes(hash otherHash: UInt64, key otherKey: KeyValue) -> Bool {
            hash != otherHash ? hash < otherHash : key < otherKey
        }
    }

    private static func bucket(of hash: UInt64) -> Int { Int(hash >> 52) }

    /// Where `partition` is or would go: its bucket, its position there and whether it is present.
    private func locate(_ partition: KeyValue) -> (bucket: Int, index: Int, found: Bool) {
        let hash = partition.partitionHash
        let bucket = Self.bucket(of: hash)
        let slots = buckets[bucket]
        let index = slots.partitioningIndex { !$0.precedes(hash: hash, key: partition) }
        return (bucket, index, index < slots.count && slots[index].hash == hash && slots[index].key == partition)
    }

    func entries(in partition: KeyValue) -> [Entry] {
        let place = locate(partition)
        return place.found ? buckets[place.bucket][place.index].entries.array : []
    }

    /// The entry ordered at `order` in `partition`, if any (a point read: no array is made).
    func entry(at order: Entry.Order, in partition: KeyValue) -> Entry? {
        let place = locate(partition)
        return place.found ? buckets[place.bucket][place.index].entries.entry(at: order) : nil
    }

    /// Inserts or replaces the entry with `entry`'s order; returns the entry it replaced.
    @discardableResult
    mutating func upsert(_ entry: Entry, in partition: KeyValue) -> Entry? {
        let place = locate(partition)
        guard place.found else {
            let slot = Slot(hash: partition.partitionHash, key: partition, entries: .one(entry))
            buckets[place.bucket].insert(slot, at: place.index)
            return nil
        }
        return buckets[place.bucket][place.index].entries.upsert(entry)
    }

    /// Removes the entry ordered at `order`; returns it.
    @discardableResult
    mutating func remove(_ order: Entry.Order, in partition: KeyValue) -> Entry? {
        let place = locate(partition)
        guard place.found else { return nil }
        let (removed, isEmpty) = buckets[place.bucket][place.index].entries.remove(order)
        if isEmpty { buckets[place.bucket].remove(at: place.index) }
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
        let start = after.map { (hash: $0.partitionHash, key: $0) }
        for bucket in Self.bucket(of: max(low, start?.hash ?? 0))..<Self.bucketCount {
            for slot in buckets[bucket] {
                if let start, !(start.hash != slot.hash ? start.hash < slot.hash : start.key < slot.key) { continue }
                if slot.hash < low { continue }
                if let high, slot.hash >= high { return }
                if try !body(slot.key, slot.entries.array) { return }
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
