import DynamoDBItems

/// The running size of each item collection of tables with local secondary indexes, so the collection limit
/// and `ItemCollectionMetrics` cost one walk per collection, not one per write.
extension ItemTables {
    /// The size of `table`'s item collection `partition` (nil for tables without local secondary indexes):
    /// walked the first time it is asked for, then kept by `noteCollectionWrite`.
    mutating func collectionBytes(of table: Table, partition: KeyValue) -> Int? {
        guard !table.localIndexes.isEmpty else { return nil }
        if let known = collectionSizes[table.id]?[partition] { return known }
        var total = 0
        store(of: table)?.query(partition: partition) { item, _ in
            total += ItemCollectionMetrics.bytes(of: item, in: table)
            return true
        }
        collectionSizes[table.id, default: [:]][partition] = total
        return total
    }

    /// Keeps the known collection sizes of `table` after a write that changed `old` into `new` (same key).
    mutating func noteCollectionWrite(of table: Table, old: Item?, new: Item?) {
        guard !table.localIndexes.isEmpty, let item = new ?? old,
            let partition = table.itemKeySchema.storedKey(of: item)?.partition,
            let known = collectionSizes[table.id]?[partition]
        else { return }
        let size = known + ItemCollectionMetrics.bytes(of: new, in: table) - ItemCollectionMetrics.bytes(of: old, in: table)
        collectionSizes[table.id]?[partition] = size > 0 ? size : nil
    }
}
