import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// GetItem: the item at a key, projected, with the capacity the read consumed ("GetItem", Amazon DynamoDB
/// API Reference). Every read here is strongly consistent; `ConsistentRead` only changes the capacity charged.
extension DynamoDBService {
    func getItem(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        let reference = try Self.itemTableReference(input, &validator, context)
        validator.notNull(input.has("Key"), at: "key")
        if let names = input.list("AttributesToGet"), names.isEmpty {
            validator.listLength(0, rendered: "[]", at: "attributesToGet", min: 1)
        }
        Self.itemEnum(input, "ReturnConsumedCapacity", at: "returnConsumedCapacity", Self.returnConsumedCapacityEnum, &validator)
        if let error = validator.error { throw error }
        let request = try Self.itemStep { () throws(ItemError) in try GetItemRequest(input) }
        guard let reference else { throw DynamoDBError.missingParameter("TableName") }
        let table = try itemTable(reference, context)
        let key = try Self.itemStep { () throws(ItemError) in
            let key = try table.itemKeySchema.key(ofKey: request.key)
            try Self.checkScalarKeyPaths(request.projection ?? [], in: table)
            return key
        }
        let item = itemTables.store(of: table)?.item(at: key)
        var answer = JSONObject()
        if let item {
            let shown = request.projection.map { DynamoDBExpressions.Projection.apply($0, to: item) } ?? item
            answer.append("Item", AttributeValue.wire(shown))
        }
        let bytes = item.map(AttributeValue.size(of:)) ?? 0
        if let capacity = ConsumedCapacity.read(named: reference.shown, bytes: bytes, consistent: request.consistentRead).json(
            request.capacity)
        {
            answer.append("ConsumedCapacity", capacity)
        }
        return .object(answer)
    }

    /// Key attributes (of the table or of an index) may only be named whole in a projection or an update:
    /// `Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed`.
    static func checkScalarKeyPaths(_ paths: [DocumentPath], in table: Table) throws(ItemError) {
        let tableKey = Set(table.itemKeySchema.names)
        let indexKeys = Set(table.secondaryIndexes.flatMap(\.schema.names))
        for path in paths where path.elements.count > 1 {
            let name = path.topLevelName
            let prefix = "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: "
            if tableKey.contains(name) { throw .validation(prefix + "Key: \(name)") }
            if indexKeys.contains(name) { throw .validation(prefix + "IndexKey: \(name)") }
        }
    }
}

/// GetItem's parameters after the checks DynamoDB makes before it looks the table up, in its order.
struct GetItemRequest {
    var key: Item
    var projection: [DocumentPath]?
    var consistentRead: Bool
    var capacity: CapacityReport

    init(_ input: InputReader) throws(ItemError) {
        try LegacyParameters.checkNotMixed(
            present: DynamoDBService.presentMembers(input), expressions: ["ProjectionExpression"],
            legacy: ["AttributesToGet"])
        key = try ItemExpressionMembers.attributeMap(input, "Key")
        var legacyProjection: [DocumentPath]?
        if let names = input.strings("AttributesToGet") {
            var seen = Set<String>()
            for name in names where !seen.insert(name).inserted {
                throw .validation("One or more parameter values were invalid: Duplicate value in attribute name: \(name)")
            }
            legacyProjection = LegacyParameters.attributesToGet(names)
        }
        let parsed = try ItemExpressionMembers.parse(input, kinds: [.projection])
        projection = parsed.projection ?? legacyProjection
        consistentRead = input.bool("ConsistentRead") ?? false
        capacity = ItemReturnOptions.capacity(input)
    }
}
