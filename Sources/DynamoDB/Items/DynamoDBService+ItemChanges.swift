import AWSProtocol
import DynamoDBItems

/// Who changed an item: a caller's write (PutItem, UpdateItem, DeleteItem, BatchWriteItem,
/// TransactWriteItems), or DynamoDB itself (Time to Live deleting an expired item).
enum ItemChangeOrigin: Sendable, Equatable {
    case caller
    case timeToLive
}

/// The one place every stored item change passes through, after the store holds the new item: whatever
/// follows a change (index figures, item-collection sizes, and what later work adds here) is kept in step
/// by every write path alike.
extension DynamoDBService {
    /// Notes that the item at `key` of `table` changed from `old` to `new` (nil: absent), made by `origin`
    /// in the call described by `context`.
    func didChangeItem(
        in table: Table, key: PrimaryKey, old: Item?, new: Item?, origin: ItemChangeOrigin, _ context: RequestContext
    ) {
        itemTables.noteWrite(of: table, old: old, new: new)
    }
}
