/// The items of one table, ordered per partition by sort key, with one ordered view per secondary index
/// (sparse: only items that carry the index's key attributes). Serves GetItem and writes by key, Query
/// (a sort-key range, both directions), Scan (hash order, parallel segments) and resumption after a
/// `ReadPosition`, at a cost proportional to what is read.
/// A value type: its owner (the actor holding the account's tables) confines it; copies are cheap
/// snapshots (copy-on-write), which transactions can use to roll back.
public struct ItemStore: Sendable {
    public let schema: KeySchema
    /// Items stored.
    public private(set) var itemCount = 0
    /// Sum of the items' sizes by AWS's rules (DescribeTable's `TableSizeBytes`).
    public private(set) var sizeInBytes = 0
    private var table = HashOrderedPartitions<TableEntry>()
    private var indexes: [String: SecondaryIndexView] = [:]

    public init(schema: KeySchema) { self.schema = schema }

    /// The item at `key`, if any.
    public func item(at key: PrimaryKey) -> Item? {
        table.entry(at: SortOrder(value: key.sort), in: key.partition)?.item
    }

    /// Stores `item` (whose key the caller validated) at `key`, updating every index; returns the item it replaced.
    @discardableResult
    public mutating func put(_ item: Item, at key: PrimaryKey) -> Item? {
        let old = table.upsert(TableEntry(sort: key.sort, item: item), in: key.partition)?.item
        if let old { sizeInBytes -= AttributeValue.size(of: old) } else { itemCount += 1 }
        sizeInBytes += AttributeValue.size(of: item)
        for name in indexes.keys { indexes[name]?.replace(old: old, new: item, tableKey: key) }
        return old
    }

    /// Removes the item at `key`; returns it.
    @discardableResult
    public mutating func delete(at key: PrimaryKey) -> Item? {
        guard let old = table.remove(SortOrder(value: key.sort), in: key.partition)?.item else { return nil }
        itemCount -= 1
        sizeInBytes -= AttributeValue.size(of: old)
        for name in indexes.keys { indexes[name]?.replace(old: old, new: nil, tableKey: key) }
        return old
    }

    /// Adds a secondary index and fills it from the stored items (items whose index key attributes are
    /// missing or of another type stay out of it).
    public mutating func addIndex(named name: String, schema indexSchema: KeySchema) {
        var view = SecondaryIndexView(schema: indexSchema)
        table.forEachPartition(segment: 0, of: 1, after: nil) { partition, entries in
            for entry in entries { view.replace(old: nil, new: entry.item, tableKey: PrimaryKey(partition: partition, sort: entry.sort)) }
            return true
        }
        indexes[name] = view
    }

    public mutating func removeIndex(named name: String) { indexes[name] = nil }

    /// The names of the indexes kept.
    public var indexNames: [String] { indexes.keys.sorted() }

    /// Items in the number of the index `indexName` holds (its `ItemCount`).
    public func itemCount(ofIndex indexName: String) -> Int? { indexes[indexName]?.count }

    /// Query: the items of one partition (of the table, or of `indexName`) whose sort key matches,
    /// ascending or descending, after `after`; `body` returns false to stop.
    public func query(
        partition: KeyValue, sort condition: SortKeyCondition = .any, ascending: Bool = true, after: ReadPosition? = nil,
        index indexName: String? = nil, _ body: (Item, ReadPosition) throws -> Bool
    ) rethrows {
        if let indexName {
            try indexes[indexName]?.query(partition: partition, condition, ascending, after, table: self, body)
            return
        }
        let entries = table.entries(in: partition)
        let afterOrder = after.map { SortOrder(value: $0.tableKey.sort) }
        let range = ItemStore.remaining(
            ItemStore.range(count: entries.count, sortAt: { entries[$0].sort }, condition), orders: { entries[$0].order },
            after: afterOrder, ascending: ascending)
        let indices =
            ascending
            ? stride(from: range.lowerBound, to: range.upperBound, by: 1)
            : stride(from: range.upperBound - 1, to: range.lowerBound - 1, by: -1)
        for position in indices {
            let entry = entries[position]
            let key = PrimaryKey(partition: partition, sort: entry.sort)
            if try !body(entry.item, ReadPosition(tableKey: key)) { return }
        }
    }

    /// Scan: every item of the table (or of `indexName`) in partition-hash order, within `segment` of
    /// `totalSegments`, after `after`; `body` returns false to stop.
    public func scan(
        segment: Int = 0, of totalSegments: Int = 1, after: ReadPosition? = nil, index indexName: String? = nil,
        _ body: (Item, ReadPosition) throws -> Bool
    ) rethrows {
        if let indexName {
            try indexes[indexName]?.scan(segment: segment, of: totalSegments, after: after, table: self, body)
            return
        }
        if let after {
            let afterOrder = SortOrder(value: after.tableKey.sort)
            for entry in table.entries(in: after.tableKey.partition) where entry.order > afterOrder {
                let key = PrimaryKey(partition: after.tableKey.partition, sort: entry.sort)
                if try !body(entry.item, ReadPosition(tableKey: key)) { return }
            }
        }
        try table.forEachPartition(segment: segment, of: totalSegments, after: after?.tableKey.partition) { partition, entries in
            for entry in entries {
                let key = PrimaryKey(partition: partition, sort: entry.sort)
                if try !body(entry.item, ReadPosition(tableKey: key)) { return false }
            }
            return true
        }
    }

    /// The positions of sorted `sorts` that satisfy `condition`, found by binary search (the matches of
    /// every sort-key condition are contiguous in ascending order).
    static func range(count: Int, sortAt: (Int) -> KeyValue?, _ condition: SortKeyCondition) -> Range<Int> {
        var start = 0
        if let bound = condition.lowerBound {
            start = firstIndex(in: 0..<count) { SortOrder(value: sortAt($0)) >= SortOrder(value: bound) }
        }
        let end = firstIndex(in: start..<count) { condition.isPastEnd(sortAt($0)) }
        var low = start
        while low < end, !condition.matches(sortAt(low)) { low += 1 }
        return low..<end
    }

    /// The first index of `range` where `isInSecondHalf` holds (false then true along the range).
    static func firstIndex(in range: Range<Int>, where isInSecondHalf: (Int) -> Bool) -> Int {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if isInSecondHalf(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// `range` without the positions at or before `after` (ascending) or at or after it (descending).
    static func remaining<Order: Comparable>(_ range: Range<Int>, orders: (Int) -> Order, after: Order?, ascending: Bool) -> Range<Int> {
        guard let after else { return range }
        let low = firstIndex(in: range) { orders($0) > after }
        if ascending { return low..<range.upperBound }
        var equalOrAbove = low
        if equalOrAbove > range.lowerBound, orders(equalOrAbove - 1) == after { equalOrAbove -= 1 }
        return range.lowerBound..<equalOrAbove
    }
}
