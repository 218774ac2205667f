import AWSProtocol
import DynamoDBItems

/// `ItemCollectionMetrics` of a write with `ReturnItemCollectionMetrics: SIZE`: only tables with local
/// secondary indexes have item collections ("Item collections in Local Secondary Indexes", Amazon DynamoDB
/// Developer Guide): the partition key and the collection's size as a range of whole gigabytes. The size
/// counts "all the items in the table, plus the size of all attributes projected into all of the local
/// secondary indexes" (ItemCollectionMetrics, Amazon DynamoDB API Reference), each by the item size rules; the
/// per-entry overhead AWS adds to index storage is not counted (as in `IndexFigures`; Unverified).
enum ItemCollectionMetrics {
    static let bytesPerGigabyte = 1_073_741_824.0

    /// The bytes `item` adds to its item collection: its size and its entry in each local secondary index.
    static func bytes(of item: Item?, in table: Table) -> Int {
        guard let item else { return 0 }
        var bytes = AttributeValue.size(of: item)
        let tableSchema = table.itemKeySchema
        for index in table.secondaryIndexes where !index.isGlobal {
            if let entry = index.entry(of: item, tableSchema: tableSchema) { bytes += AttributeValue.size(of: entry) }
        }
        return bytes
    }

    /// The metrics of the collection of `key` when asked for, by a walk of the collection (for callers that do
    /// not keep its size; the single-item writes pass the running size to `json(_:partition:bytes:)`).
    static func json(_ table: Table, _ store: ItemStore, key: PrimaryKey, requested: Bool) -> JSONValue? {
        guard requested, !table.localIndexes.isEmpty else { return nil }
        var total = 0
        store.query(partition: key.partition) { item, _ in
            total += bytes(of: item, in: table)
            return true
        }
        return json(store.schema, partition: key.partition, bytes: total)
    }

    /// `ItemCollectionKey` (the partition key) and `SizeEstimateRangeGB` (the whole gigabytes below and above).
    static func json(_ schema: KeySchema, partition: KeyValue, bytes: Int) -> JSONValue {
        let lower = (Double(bytes) / bytesPerGigabyte).rounded(.down)
        var collectionKey = JSONObject()
        collectionKey.append(schema.partition.name, partition.attributeValue.wire)
        return ["ItemCollectionKey": .object(collectionKey), "SizeEstimateRangeGB": [.double(lower), .double(lower + 1)]]
    }
}
