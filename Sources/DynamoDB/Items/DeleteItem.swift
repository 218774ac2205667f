import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// DeleteItem: removes the item at a key, optionally under a condition, answering the deleted item
/// (ALL_OLD), the capacity consumed and the item collection's size ("DeleteItem", Amazon DynamoDB API Reference).
extension DynamoDBService {
    func deleteItem(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        let reference = try Self.itemTableReference(input, &validator, context)
        validator.notNull(input.has("Key"), at: "key")
        Self.writeEnums(input, &validator)
        if let error = validator.error { throw error }
        let request = try Self.itemStep { () throws(ItemError) in try DeleteItemRequest(input) }
        guard let reference else { throw DynamoDBError.missingParameter("TableName") }
        let table = try itemTable(reference, context)
        let key = try Self.itemStep { () throws(ItemError) in try table.itemKeySchema.key(ofKey: request.key) }
        let write = SingleItemWrite(
            table: table, shownName: reference.shown, key: key, condition: request.condition, options: request.options, context: context)
        return try writeSingleItem(write) { old in (nil, request.returnValues == .allOld ? old : nil) }
    }
}

/// DeleteItem's parameters after the checks DynamoDB makes before it looks the table up, in its order:
/// expression/legacy mixing, the key's values, ReturnValues, `Expected`, the expressions.
struct DeleteItemRequest {
    var key: Item
    var condition: Condition?
    var returnValues: ReturnValues
    var options: WriteReturnOptions

    init(_ input: InputReader) throws(ItemError) {
        try LegacyParameters.checkNotMixed(
            present: DynamoDBService.presentMembers(input), expressions: ["ConditionExpression"], legacy: ["Expected"])
        key = try ItemExpressionMembers.attributeMap(input, "Key")
        returnValues = try ItemReturnOptions.allOldOrNone(input)
        let expected = try ItemExpressionMembers.expected(input)
        let parsed = try ItemExpressionMembers.parse(input, kinds: [.condition])
        condition = parsed.condition ?? expected
        options = WriteReturnOptions(input)
    }
}
