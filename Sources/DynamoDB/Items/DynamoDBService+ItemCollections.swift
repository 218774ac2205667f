import AWSProtocol
import DynamoDBItems

/// The item-collection limit of tables with local secondary indexes ("Item collection size limit", Amazon
/// DynamoDB Developer Guide: 10 GB per partition key value; `DynamoDBSettings.itemCollectionSizeLimitBytes`).
/// Every single-item write asks for the collection's size before it and checks the size after it.
extension DynamoDBService {
    /// The size of the item collection of `key` before a write (nil for tables without local secondary indexes).
    func collectionBytesBeforeWrite(_ table: Table, _ key: PrimaryKey) -> Int? {
        itemTables.collectionBytes(of: table, partition: key.partition)
    }

    /// The collection's size once `old` becomes `new`, or ItemCollectionSizeLimitExceededException when the write
    /// would grow it beyond `limit` (a write that does not grow it is never refused).
    static func collectionBytesAfterWrite(_ before: Int?, _ table: Table, old: Item?, new: Item?, limit: Int)
        throws(AWSServiceError) -> Int?
    {
        guard let before else { return nil }
        let growth = ItemCollectionMetrics.bytes(of: new, in: table) - ItemCollectionMetrics.bytes(of: old, in: table)
        if growth > 0, before + growth > limit { throw DynamoDBError.itemCollectionSizeLimitExceeded }
        return before + growth
    }
}

extension DynamoDBService {
    /// Adds one write of a batch or transaction to `growth`: the collection's size is asked for the first time
    /// a write of the call touches it, then each write's growth is added to it.
    func addCollectionWrite(_ growth: inout CollectionGrowth, _ table: Table, _ key: PrimaryKey, old: Item?, new: Item?) {
        guard !table.localIndexes.isEmpty else { return growth.skip() }
        let collection = CollectionGrowth.Collection(tableId: table.id, partition: key.partition)
        if growth.needsStart(collection) {
            growth.start(collection, bytes: itemTables.collectionBytes(of: table, partition: key.partition) ?? 0)
        }
        growth.add(collection, growth: ItemCollectionMetrics.bytes(of: new, in: table) - ItemCollectionMetrics.bytes(of: old, in: table))
    }
}
