import DynamoDBExpressions
import DynamoDBItems

/// Reading the return options of item calls (their enum membership was checked already).
enum ItemReturnOptions {
    /// PutItem's and DeleteItem's ReturnValues: only NONE and ALL_OLD apply to them.
    static func allOldOrNone(_ input: InputReader) throws(ItemError) -> ReturnValues {
        let returnValues = input.string("ReturnValues").flatMap(ReturnValues.init(rawValue:)) ?? .none
        guard returnValues == .none || returnValues == .allOld else {
            throw .validation("ReturnValues can only be ALL_OLD or NONE")
        }
        return returnValues
    }

    static func capacity(_ input: InputReader) -> CapacityReport {
        input.string("ReturnConsumedCapacity").flatMap(CapacityReport.init(rawValue:)) ?? .none
    }
}

/// What a single-item write (PutItem, UpdateItem, DeleteItem, or one action of a transaction) answers besides
/// its attributes: consumed capacity, item collection metrics, and the item with a failed condition.
struct WriteReturnOptions {
    var capacity: CapacityReport
    var collectionMetrics: Bool
    var returnOldOnFailure: Bool

    init(_ input: InputReader) {
        capacity = ItemReturnOptions.capacity(input)
        collectionMetrics = input.string("ReturnItemCollectionMetrics") == "SIZE"
        returnOldOnFailure = input.string("ReturnValuesOnConditionCheckFailure") == "ALL_OLD"
    }
}
