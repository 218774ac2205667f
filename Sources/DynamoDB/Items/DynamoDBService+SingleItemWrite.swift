import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// The steps PutItem, UpdateItem and DeleteItem share once the key is known: read the stored item, check
/// the condition, make the new item, check the item collection's limit, write, answer, and keep the index
/// figures current.
extension DynamoDBService {
    /// What a single-item write asks for, beside how it makes the new item.
    struct SingleItemWrite {
        var table: Table
        /// The table as the request named it (name or ARN), for `ConsumedCapacity`.
        var shownName: String
        var key: PrimaryKey
        var condition: Condition?
        var options: WriteReturnOptions
        var context: RequestContext
    }

    /// Runs `write`; `change` turns the stored item (nil: none) into the new one (nil: delete the item) and
    /// the attributes to answer.
    func writeSingleItem(
        _ write: SingleItemWrite, _ change: (Item?) throws(AWSServiceError) -> (new: Item?, returning: Item?)
    ) throws(AWSServiceError) -> JSONValue {
        let table = write.table
        let collectionBefore = collectionBytesBeforeWrite(table, write.key)
        let collectionLimit = settings.itemCollectionSizeLimitBytes
        let (answer, old, new) = try itemTables.withStore(of: table) {
            (store: inout ItemStore) throws(AWSServiceError) -> (JSONValue, Item?, Item?) in
            let old = store.item(at: write.key)
            try Self.checkCondition(write.condition, on: old, returnOldOnFailure: write.options.returnOldOnFailure)
            let (new, returning) = try change(old)
            let collection = try Self.collectionBytesAfterWrite(
                collectionBefore, table, old: old, new: new, limit: collectionLimit)
            if let new { store.put(new, at: write.key) } else { store.delete(at: write.key) }
            let answer = Self.writeAnswer(
                returning: returning, table: table, named: write.shownName, store: store, key: write.key, old: old,
                new: new, capacity: write.options.capacity, collectionMetrics: write.options.collectionMetrics, collectionBytes: collection)
            return (answer, old, new)
        }
        didChangeItem(in: table, key: write.key, old: old, new: new, origin: .caller, write.context)
        return answer
    }
}
