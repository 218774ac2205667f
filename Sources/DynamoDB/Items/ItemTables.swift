import AWSProtocol
import DynamoDBItems

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The items of every table, by table id: one incarnation of a table owns one store, so a table created
/// again under the same name starts empty. Kept beside the tables (not inside `Table`) so table metadata
/// stays small. A value type confined to the actor `DynamoDBService`.
struct ItemTables: Sendable {
    private var stores: [String: ItemStore] = [:]
    /// DescribeTable's figures as last refreshed, by table id (only with a refresh period).
    private var snapshots: [String: ItemStatistics] = [:]
    /// Secondary-index figures kept up to date by `noteWrite`, by table id and index signature (computed by
    /// one scan the first time DescribeTable asks for an index).
    private var indexFigures: [String: [String: IndexFigures]] = [:]
    /// The key schema each store's index views were built for, by table id and index name.
    private var indexViewSignatures: [String: [String: String]] = [:]
    /// Item-collection sizes of tables with local secondary indexes, by table id and partition key (see
    /// `ItemTables+ItemCollections`).
    var collectionSizes: [String: [KeyValue: Int]] = [:]

    /// The store of `table`, if it ever held an item.
    func store(of table: Table) -> ItemStore? { stores[table.id] }

    /// Runs `body` on the store of `table` (created empty on first use, its index views in step with the
    /// table's current indexes), in place.
    mutating func withStore<T>(of table: Table, _ body: (inout ItemStore) throws(AWSServiceError) -> T)
        throws(AWSServiceError) -> T
    {
        if stores[table.id] == nil { stores[table.id] = ItemStore(schema: table.itemKeySchema) }
        syncIndexViews(of: table)
        return try body(&stores[table.id, default: ItemStore(schema: table.itemKeySchema)])
    }

    /// The store of `table` with one index view per current secondary index, for Query and Scan.
    mutating func indexedStore(of table: Table) -> ItemStore? {
        guard stores[table.id] != nil else { return nil }
        syncIndexViews(of: table)
        return stores[table.id]
    }

    /// Keeps one `SecondaryIndexView` per current GSI/LSI of `table` in its store: an index added (by
    /// UpdateTable, or re-created under its name with another key) is filled from the stored items, a
    /// deleted one is dropped. Every write goes through `ItemStore.put/delete`, which keeps the views in step.
    private mutating func syncIndexViews(of table: Table) {
        guard var store = stores[table.id] else { return }
        var wanted: [String: String] = [:]
        for index in table.secondaryIndexes { wanted[index.name] = index.viewSignature }
        let kept = indexViewSignatures[table.id] ?? [:]
        guard kept != wanted else { return }
        stores[table.id] = nil  // keep the store uniquely referenced while its views change
        for name in store.indexNames where wanted[name] == nil || kept[name] != wanted[name] { store.removeIndex(named: name) }
        for index in table.secondaryIndexes where !store.indexNames.contains(index.name) {
            store.addIndex(named: index.name, schema: index.schema)
        }
        stores[table.id] = store
        indexViewSignatures[table.id] = wanted
    }

    /// Forgets the items of the table with this id (DeleteTable).
    mutating func drop(tableId: String) {
        stores[tableId] = nil
        snapshots[tableId] = nil
        indexFigures[tableId] = nil
        indexViewSignatures[tableId] = nil
        collectionSizes[tableId] = nil
    }

    /// DescribeTable's `ItemCount` and `TableSizeBytes`: live when `refreshSeconds` is 0 (as DynamoDB
    /// Local), otherwise as last taken, refreshed once older than `refreshSeconds` (AWS: "DynamoDB updates
    /// this value approximately every six hours", TableDescription, Amazon DynamoDB API Reference). The
    /// first refresh of a table is at its creation, so a new table shows zero until the period has passed.
    mutating func statistics(of table: Table, now: Date, refreshSeconds: Double) -> ItemStatistics {
        let live = ItemStatistics(
            itemCount: stores[table.id]?.itemCount ?? 0, sizeInBytes: stores[table.id]?.sizeInBytes ?? 0,
            indexes: currentIndexFigures(of: table), takenAt: now)
        guard refreshSeconds > 0 else { return live }
        let last = snapshots[table.id] ?? ItemStatistics(itemCount: 0, sizeInBytes: 0, takenAt: table.createdAt)
        if now.timeIntervalSince(last.takenAt) < refreshSeconds {
            snapshots[table.id] = last
            return last
        }
        snapshots[table.id] = live
        return live
    }

    /// Keeps the index figures of `table` current after a write that changed `old` into `new`.
    mutating func noteWrite(of table: Table, old: Item?, new: Item?) {
        noteCollectionWrite(of: table, old: old, new: new)
        guard var figures = indexFigures[table.id] else { return }
        let tableSchema = table.itemKeySchema
        for index in table.secondaryIndexes {
            guard var current = figures[index.signature] else { continue }
            if let entry = index.entry(of: old, tableSchema: tableSchema) {
                current.itemCount -= 1
                current.sizeInBytes -= AttributeValue.size(of: entry)
            }
            if let entry = index.entry(of: new, tableSchema: tableSchema) {
                current.itemCount += 1
                current.sizeInBytes += AttributeValue.size(of: entry)
            }
            figures[index.signature] = current
        }
        indexFigures[table.id] = figures
    }

    /// Every secondary index's figures by index name, scanning the items once for an index not seen before.
    private mutating func currentIndexFigures(of table: Table) -> [String: IndexFigures] {
        let indexes = table.secondaryIndexes
        guard !indexes.isEmpty else { return [:] }
        var figures = indexFigures[table.id] ?? [:]
        let tableSchema = table.itemKeySchema
        for index in indexes where figures[index.signature] == nil {
            var counted = IndexFigures()
            stores[table.id]?.scan { item, _ in
                if let entry = index.entry(of: item, tableSchema: tableSchema) {
                    counted.itemCount += 1
                    counted.sizeInBytes += AttributeValue.size(of: entry)
                }
                return true
            }
            figures[index.signature] = counted
        }
        indexFigures[table.id] = figures
        var byName: [String: IndexFigures] = [:]
        for index in indexes {
            byName[index.name] = figures[index.signature]
            // The index view's own count where the store keeps one (same membership rule as `entry(of:)`).
            if let viewCount = stores[table.id]?.itemCount(ofIndex: index.name) { byName[index.name]?.itemCount = viewCount }
        }
        return byName
    }
}
