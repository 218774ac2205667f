import AWSProtocol
import DynamoDBItems

/// The answer of a single-item write (PutItem, UpdateItem, DeleteItem), built one way for all three.
extension DynamoDBService {
    /// `Attributes` (what ReturnValues asked for, when any), `ConsumedCapacity` (when ReturnConsumedCapacity asked)
    /// and `ItemCollectionMetrics` (when asked, for tables with local secondary indexes; from `collectionBytes`,
    /// the collection's size after the write, when the caller keeps it), in AWS's member order.
    static func writeAnswer(
        returning attributes: Item?, table: Table, named shownName: String, store: ItemStore, key: PrimaryKey,
        old: Item?, new: Item?, capacity: CapacityReport, collectionMetrics: Bool, collectionBytes: Int? = nil
    ) -> JSONValue {
        var answer = JSONObject()
        if let attributes { answer.append("Attributes", AttributeValue.wire(attributes)) }
        if let consumed = ConsumedCapacity.write(table, named: shownName, old: old, new: new).json(capacity) {
            answer.append("ConsumedCapacity", consumed)
        }
        if collectionMetrics, let collectionBytes {
            answer.append(
                "ItemCollectionMetrics", ItemCollectionMetrics.json(store.schema, partition: key.partition, bytes: collectionBytes))
        } else if let metrics = ItemCollectionMetrics.json(table, store, key: key, requested: collectionMetrics) {
            answer.append("ItemCollectionMetrics", metrics)
        }
        return .object(answer)
    }
}
