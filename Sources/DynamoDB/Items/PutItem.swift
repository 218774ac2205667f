import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// PutItem: writes a whole item, optionally under a condition, answering the replaced item (ALL_OLD), the
/// capacity consumed and the item collection's size ("PutItem", Amazon DynamoDB API Reference).
extension DynamoDBService {
    func putItem(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        let reference = try Self.itemTableReference(input, &validator, context)
        validator.notNull(input.has("Item"), at: "item")
        Self.writeEnums(input, &validator)
        if let error = validator.error { throw error }
        let request = try Self.itemStep { () throws(ItemError) in try PutItemRequest(input) }
        guard let reference else { throw DynamoDBError.missingParameter("TableName") }
        let table = try itemTable(reference, context)
        let key = try Self.itemStep { () throws(ItemError) in
            let key = try table.itemKeySchema.key(ofItem: request.item)
            try Self.checkIndexKeys(of: request.item, in: table)
            return key
        }
        let write = SingleItemWrite(
            table: table, shownName: reference.shown, key: key, condition: request.condition, options: request.options, context: context)
        return try writeSingleItem(write) { old in (request.item, request.returnValues == .allOld ? old : nil) }
    }

    /// The Coral enum constraints of PutItem and DeleteItem, in the order DynamoDB lists them.
    static func writeEnums(_ input: InputReader, _ validator: inout CoralValidator) {
        itemEnum(input, "ReturnValues", at: "returnValues", returnValuesEnum, &validator)
        itemEnum(input, "ReturnConsumedCapacity", at: "returnConsumedCapacity", returnConsumedCapacityEnum, &validator)
        itemEnum(input, "ReturnItemCollectionMetrics", at: "returnItemCollectionMetrics", returnItemCollectionMetricsEnum, &validator)
        itemEnum(
            input, "ReturnValuesOnConditionCheckFailure", at: "returnValuesOnConditionCheckFailure",
            returnValuesOnConditionCheckFailureEnum, &validator)
    }
}

/// PutItem's parameters after the checks DynamoDB makes before it looks the table up, in its order:
/// expression/legacy mixing, the item's values, ReturnValues, the item's size, `Expected`, the expressions.
struct PutItemRequest {
    var item: Item
    var condition: Condition?
    var returnValues: ReturnValues
    var options: WriteReturnOptions

    init(_ input: InputReader) throws(ItemError) {
        try LegacyParameters.checkNotMixed(
            present: DynamoDBService.presentMembers(input), expressions: ["ConditionExpression"], legacy: ["Expected"])
        item = try ItemExpressionMembers.attributeMap(input, "Item")
        returnValues = try ItemReturnOptions.allOldOrNone(input)
        try AttributeValue.checkSize(of: item)
        let expected = try ItemExpressionMembers.expected(input)
        let parsed = try ItemExpressionMembers.parse(input, kinds: [.condition])
        condition = parsed.condition ?? expected
        options = WriteReturnOptions(input)
    }
}
