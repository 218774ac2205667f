/// Where a read stands: the item's table key and, in an index, its index key. Reads resume after it
/// (`ExclusiveStartKey`) and report it for `LastEvaluatedKey`.
public struct ReadPosition: Sendable, Hashable {
    public var tableKey: PrimaryKey
    public var indexKey: PrimaryKey?
    public init(tableKey: PrimaryKey, indexKey: PrimaryKey? = nil) {
        self.tableKey = tableKey
        self.indexKey = indexKey
    }
}
