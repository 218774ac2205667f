/// One secondary index's ordered view of its table: entries keyed by the index key, holding the table
/// key that finds the item. Sparse: an item without the index key attributes (or with one of another
/// type) is not in it. Multi-attribute GSI keys order by their RANGE attributes left to right. A value type
/// inside `ItemStore`.
struct SecondaryIndexView: Sendable {
    let schema: KeySchema
    private var partitions = HashOrderedPartitions<IndexEntry>()
    private(set) var count = 0

    init(schema: KeySchema) { self.schema = schema }

    /// The item's index key, or nil when it does not belong in the index.
    /// Multi-attribute keys are kept as one `CompositeKey` value per side (see `KeySchema.storedKey`).
    func indexKey(of item: Item) -> PrimaryKey? { schema.storedKey(of: item) }

    /// Moves the item at `tableKey` from its old index key to its new one.
    mutating func replace(old: Item?, new: Item?, tableKey: PrimaryKey) {
        let oldKey = old.flatMap(indexKey(of:))
        let newKey = new.flatMap(indexKey(of:))
        if oldKey == newKey, oldKey != nil { return }
        if let oldKey, partitions.remove(IndexOrder(sort: SortOrder(value: oldKey.sort), table: tableKey), in: oldKey.partition) != nil {
            count -= 1
        }
        if let newKey {
            let entry = IndexEntry(order: IndexOrder(sort: SortOrder(value: newKey.sort), table: tableKey))
            if partitions.upsert(entry, in: newKey.partition) == nil { count += 1 }
        }
    }

    func query(
        partition: KeyValue, _ condition: SortKeyCondition, _ ascending: Bool, _ after: ReadPosition?, table: ItemStore,
        _ body: (Item, ReadPosition) throws -> Bool
    ) rethrows {
        let entries = partitions.entries(in: partition)
        let afterOrder = after.map { IndexOrder(sort: SortOrder(value: $0.indexKey?.sort), table: $0.tableKey) }
        let range = ItemStore.remaining(
            ItemStore.range(count: entries.count, sortAt: { entries[$0].order.sort.value }, condition), orders: { entries[$0].order },
            after: afterOrder,
            ascending: ascending)
        let indices =
            ascending
            ? stride(from: range.lowerBound, to: range.upperBound, by: 1)
            : stride(from: range.upperBound - 1, to: range.lowerBound - 1, by: -1)
        for position in indices {
            let order = entries[position].order
            guard let item = table.item(at: order.table) else { continue }
            let position = ReadPosition(tableKey: order.table, indexKey: PrimaryKey(partition: partition, sort: order.sort.value))
            if try !body(item, position) { return }
        }
    }

    func scan(
        segment: Int, of totalSegments: Int, after: ReadPosition?, table: ItemStore, _ body: (Item, ReadPosition) throws -> Bool
    ) rethrows {
        func visit(_ partition: KeyValue, _ entry: IndexEntry) throws -> Bool {
            guard let item = table.item(at: entry.order.table) else { return true }
            let indexKey = PrimaryKey(partition: partition, sort: entry.order.sort.value)
            return try body(item, ReadPosition(tableKey: entry.order.table, indexKey: indexKey))
        }
        if let after, let indexKey = after.indexKey {
            let afterOrder = IndexOrder(sort: SortOrder(value: indexKey.sort), table: after.tableKey)
            for entry in partitions.entries(in: indexKey.partition) where entry.order > afterOrder {
                if try !visit(indexKey.partition, entry) { return }
            }
        }
        try partitions.forEachPartition(segment: segment, of: totalSegments, after: after?.indexKey?.partition) { partition, entries in
            for entry in entries where try !visit(partition, entry) { return false }
            return true
        }
    }
}
