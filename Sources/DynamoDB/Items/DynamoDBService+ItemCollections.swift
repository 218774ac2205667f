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
