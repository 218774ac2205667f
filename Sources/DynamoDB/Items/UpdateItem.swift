import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// UpdateItem: changes (or creates) the item at a key with an UpdateExpression or the legacy
/// AttributeUpdates, optionally under a condition, answering the attributes ReturnValues names
/// ("UpdateItem", Amazon DynamoDB API Reference).
extension DynamoDBService {
    func updateItem(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        let reference = try Self.itemTableReference(input, &validator, context)
        validator.notNull(input.has("Key"), at: "key")
        Self.updateEnums(input, &validator)
        if let error = validator.error { throw error }
        let request = try Self.itemStep { () throws(ItemError) in try UpdateItemRequest(input) }
        guard let reference else { throw DynamoDBError.missingParameter("TableName") }
        let table = try itemTable(reference, context)
        let key = try Self.itemStep { () throws(ItemError) in
            let key = try table.itemKeySchema.key(ofKey: request.key)
            try Self.checkUpdatedPaths(request.actions.map(\.path), in: table)
            return key
        }
        let write = SingleItemWrite(
            table: table, shownName: reference.shown, key: key, condition: request.condition, options: request.options, context: context)
        return try writeSingleItem(write) { (old: Item?) throws(AWSServiceError) -> (new: Item?, returning: Item?) in
            let result = try Self.itemStep { () throws(ItemError) in
                let result = try request.apply(to: old)
                try Self.checkUpdatedIndexKeys(result.new, request.actions, in: table)
                return result
            }
            return (result.new, result.attributes(for: request.returnValues))
        }
    }

    /// UpdateItem's Coral enum constraints, in the order DynamoDB lists them.
    static func updateEnums(_ input: InputReader, _ validator: inout CoralValidator) {
        itemEnum(input, "ReturnConsumedCapacity", at: "returnConsumedCapacity", returnConsumedCapacityEnum, &validator)
        itemEnum(input, "ReturnValues", at: "returnValues", returnValuesEnum, &validator)
        itemEnum(input, "ReturnItemCollectionMetrics", at: "returnItemCollectionMetrics", returnItemCollectionMetricsEnum, &validator)
        itemEnum(
            input, "ReturnValuesOnConditionCheckFailure", at: "returnValuesOnConditionCheckFailure",
            returnValuesOnConditionCheckFailureEnum, &validator)
        for member in input.reader("AttributeUpdates")?.object.members ?? [] {
            if let action = member.value["Action"]?.stringValue {
                validator.enumValue(action, at: "attributeUpdates.\(member.key).member.action", ["ADD", "PUT", "DELETE"])
            }
        }
    }

    /// An update may not touch a key attribute, nor reach inside an index key attribute.
    static func checkUpdatedPaths(_ paths: [DocumentPath], in table: Table) throws(ItemError) {
        let tableKey = Set(table.itemKeySchema.names)
        for path in paths where tableKey.contains(path.topLevelName) {
            throw .validation(
                "One or more parameter values were invalid: Cannot update attribute \(path.topLevelName). This attribute is part of the key"
            )
        }
        try checkScalarKeyPaths(paths, in: table)
    }

    /// The updated item's index keys: a value copied from the item into an index key with the wrong type
    /// has its own message; a literal of the wrong type is a plain type mismatch (observed DynamoDB texts).
    static func checkUpdatedIndexKeys(_ item: Item, _ actions: [UpdateAction], in table: Table) throws(ItemError) {
        for index in table.secondaryIndexes {
            for element in index.schema.elements {
                guard let value = item[element.name], value.typeName != element.type.attributeType else { continue }
                let copiedFromItem = actions.contains { action in
                    guard case .set(let path, let operand) = action, path == DocumentPath(attribute: element.name) else { return false }
                    if case .value = operand { return false }
                    return true
                }
                if copiedFromItem {
                    throw .validation("The update expression attempted to update the secondary index key to unsupported type")
                }
            }
        }
        try checkIndexKeys(of: item, in: table)
    }
}

/// UpdateItem's parameters after the checks DynamoDB makes before it looks the table up, in its order:
/// expression/legacy mixing, the key's values, AttributeUpdates, `Expected`, the expressions.
struct UpdateItemRequest {
    var key: Item
    var actions: [UpdateAction]
    var isLegacy: Bool
    var condition: Condition?
    var returnValues: ReturnValues
    var options: WriteReturnOptions

    init(_ input: InputReader) throws(ItemError) {
        try LegacyParameters.checkNotMixed(
            present: DynamoDBService.presentMembers(input), expressions: ["UpdateExpression", "ConditionExpression"],
            legacy: ["AttributeUpdates", "Expected"])
        key = try ItemExpressionMembers.attributeMap(input, "Key")
        let legacyActions = try input.object["AttributeUpdates"].map { wire throws(ItemError) in
            try LegacyParameters.attributeUpdates(wire)
        }
        let expected = try ItemExpressionMembers.expected(input)
        let parsed = try ItemExpressionMembers.parse(input, kinds: [.update, .condition])
        actions = parsed.update ?? legacyActions ?? []
        isLegacy = parsed.update == nil && legacyActions != nil
        condition = parsed.condition ?? expected
        returnValues = input.string("ReturnValues").flatMap(ReturnValues.init(rawValue:)) ?? .none
        options = WriteReturnOptions(input)
    }

    /// The update applied to `old`; the legacy AttributeUpdates report a wrong operand type in their own words.
    func apply(to old: Item?) throws(ItemError) -> UpdateResult {
        do {
            return try UpdateApplier.apply(actions, to: old, key: key)
        } catch  where isLegacy && error.message == "An operand in the update expression has an incorrect data type" {
            throw .validation("Type mismatch for attribute to update")
        }
    }
}
