import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// TransactGetItems: up to 100 Get actions across tables read as of one moment, each answered in request
/// order with its projected item or an empty object ("TransactGetItems", Amazon DynamoDB API Reference).
/// Each read costs two strongly consistent reads ("Capacity management for transactions", Developer Guide).
extension DynamoDBService {
    func transactGetItems(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        Self.itemEnum(input, "ReturnConsumedCapacity", at: "returnConsumedCapacity", Self.returnConsumedCapacityEnum, &validator)
        if let entries = Self.transactItemsConstraints(input, className: "TransactGetItem", &validator) {
            for (position, entry) in entries.enumerated() {
                let path = "transactItems.\(position + 1).member.get"
                guard validator.notNull(entry.has("Get"), at: path), let body = entry.reader("Get") else { continue }
                Self.actionConstraints(body, at: path, required: ["Key", "TableName"], &validator)
            }
        }
        if let error = validator.error { throw error }
        let gets = try (input.readers("TransactItems") ?? []).map { entry throws(AWSServiceError) in
            let body = TransactWriteAction.modelled(entry.reader("Get") ?? InputReader(JSONObject()), "Get")
            let request = try Self.itemStep { () throws(ItemError) in try GetItemRequest(body) }
            return (request: request, reference: try Self.transactTableReference(body.string("TableName"), context))
        }
        let tables = try gets.map { get throws(AWSServiceError) in try itemTable(get.reference, context) }
        let keys = try Self.transactKeys(gets.count) { position throws(ItemError) in
            let key = try tables[position].itemKeySchema.key(ofKey: gets[position].request.key)
            try Self.checkScalarKeyPaths(gets[position].request.projection ?? [], in: tables[position])
            return key
        }
        try Self.checkOneActionPerItem(tables: tables, keys: keys)
        let items = gets.indices.map { itemTables.store(of: tables[$0])?.item(at: keys[$0]) }
        // "The aggregate size of the items in the transaction exceeded 4 MB" (API Reference). Unverified: the error.
        if items.reduce(0, { $0 + ($1.map(AttributeValue.size(of:)) ?? 0) }) > Self.transactionPayloadLimit {
            throw DynamoDBError.transactionTooLarge
        }
        var consumed = TransactionCapacity(.read)
        var responses: [JSONValue] = []
        for (position, item) in items.enumerated() {
            var response = JSONObject()
            if let item {
                let shown = gets[position].request.projection.map { DynamoDBExpressions.Projection.apply($0, to: item) } ?? item
                response.append("Item", AttributeValue.wire(shown))
            }
            responses.append(.object(response))
            let units = CapacityUnits.read(bytes: item.map(AttributeValue.size(of:)) ?? 0, consistency: .transactional)
            consumed.add(ConsumedCapacity(tableName: gets[position].reference.shown, table: units))
        }
        var answer = JSONObject()
        if let capacity = consumed.json(ItemReturnOptions.capacity(input)) { answer.append("ConsumedCapacity", capacity) }
        answer.append("Responses", .array(responses))
        return .object(answer)
    }
}
