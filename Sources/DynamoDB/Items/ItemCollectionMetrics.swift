import AWSProtocol
import DynamoDBItems

/// `ItemCollectionMetrics` of a write with `ReturnItemCollectionMetrics: SIZE`: only tables with local
/// secondary indexes have item collections ("Item collections in Local Secondary Indexes", Amazon DynamoDB
/// Developer Guide): the partition key and the collection's size as a range of whole gigabytes.
enum ItemCollectionMetrics {
    static let bytesPerGigabyte = 1_073_741_824.0

    static func json(_ table: Table, _ store: ItemStore, key: PrimaryKey, requested: Bool) -> JSONValue? {
        guard requested, !table.localIndexes.isEmpty else { return nil }
        var bytes = 0
        store.query(partition: key.partition) { item, _ in
            bytes += AttributeValue.size(of: item)
            return true
        }
        let lower = (Double(bytes) / bytesPerGigabyte).rounded(.down)
        var collectionKey = JSONObject()
        collectionKey.append(store.schema.partition.name, key.partition.attributeValue.wire)
        return ["ItemCollectionKey": .object(collectionKey), "SizeEstimateRangeGB": [.double(lower), .double(lower + 1)]]
    }
}
