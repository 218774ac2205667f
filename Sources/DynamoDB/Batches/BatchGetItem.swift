import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// BatchGetItem: up to 100 keys over one or more tables, each table with its own projection and consistency,
/// answered as `Responses` per table, `UnprocessedKeys` (the same shape as the request) for what did not fit
/// in one answer, and one `ConsumedCapacity` per table ("BatchGetItem", Amazon DynamoDB API Reference,
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html). Every read is
/// strongly consistent here; `ConsistentRead` only changes the capacity charged.
extension DynamoDBService {
    /// "A single operation can retrieve up to 16 MB of data" (BatchGetItem, API Reference): items are taken in
    /// request order while their summed sizes (by DynamoDB's item-size rules) stay within it; the rest are
    /// answered as `UnprocessedKeys` and consume nothing.
    static let batchGetByteLimit = 16 * 1024 * 1024

    func batchGetItem(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        BatchConstraints.checkGet(input, &validator)
        if let error = validator.error { throw error }
        let request = try BatchGetItemRequest(input)
        var resolved: [(read: BatchGetItemRequest.TableRead, table: Table, keys: [PrimaryKey])] = []
        for read in request.tables {
            let table = try itemTable(Self.batchTableReference(read.name, context), context)
            let keys = try Self.itemStep { () throws(ItemError) in
                var keys: [PrimaryKey] = []
                for key in read.keys { keys.append(try table.itemKeySchema.key(ofKey: key.key)) }
                try Self.checkScalarKeyPaths(read.projection ?? [], in: table)
                return keys
            }
            if Set(keys).count < keys.count { throw DynamoDBError.duplicateBatchKeys }
            resolved.append((read, table, keys))
        }
        var budget = Self.batchGetByteLimit
        var responses = JSONObject()
        var unprocessed = JSONObject()
        var capacities: [JSONValue] = []
        for (read, table, keys) in resolved {
            let store = itemTables.store(of: table)
            var items: [JSONValue] = []
            var remaining: [JSONValue] = []
            var consumed = ConsumedCapacity(tableName: read.name, table: 0)
            for (position, key) in keys.enumerated() {
                let item = store?.item(at: key)
                let bytes = item.map(AttributeValue.size(of:)) ?? 0
                guard remaining.isEmpty, unprocessed.isEmpty, bytes <= budget else {
                    remaining.append(read.keys[position].wire)
                    continue
                }
                budget -= bytes
                consumed.table += CapacityUnits.read(bytes: bytes, consistency: read.consistentRead ? .strong : .eventual)
                if let item {
                    items.append(AttributeValue.wire(read.projection.map { DynamoDBExpressions.Projection.apply($0, to: item) } ?? item))
                }
            }
            responses.append(read.name, .array(items))
            if !remaining.isEmpty { unprocessed.append(read.name, read.unprocessed(remaining)) }
            if remaining.count < keys.count, let json = consumed.json(request.capacity) { capacities.append(json) }
        }
        var answer = JSONObject()
        answer.append("Responses", .object(responses))
        answer.append("UnprocessedKeys", .object(unprocessed))
        if request.capacity != .none { answer.append("ConsumedCapacity", .array(capacities)) }
        return .object(answer)
    }

    /// A `RequestItems` key: a table name, or a table ARN of this account and region.
    static func batchTableReference(_ name: String, _ context: RequestContext) throws(AWSServiceError) -> TableReference {
        guard name.hasPrefix("arn:") else { return TableReference(target: .table(name), shown: name) }
        return TableReference(target: try parseTableArn(name, context), shown: name)
    }
}

/// BatchGetItem's parameters after the checks DynamoDB makes before it looks the tables up, table by table
/// in request order (dynalite's recordings): expression/legacy mixing, duplicate `AttributesToGet`, the
/// projection, then each key's values, duplicate keys and the 100-key total.
struct BatchGetItemRequest {
    /// One table's part of the request.
    struct TableRead {
        /// The `RequestItems` key as sent (a name or an ARN): the answer's keys use it.
        var name: String
        /// The table's `KeysAndAttributes` as sent, echoed in `UnprocessedKeys`.
        var entry: JSONObject
        var keys: [(wire: JSONValue, key: Item)]
        var projection: [DocumentPath]?
        var consistentRead: Bool

        /// The `UnprocessedKeys` entry: the request's entry with only `keys` left.
        func unprocessed(_ keys: [JSONValue]) -> JSONValue {
            var object = JSONObject()
            for member in entry.members { object.append(member.key, member.key == "Keys" ? .array(keys) : member.value) }
            return .object(object)
        }
    }

    static let maximumKeys = 100

    var tables: [TableRead] = []
    var capacity: CapacityReport

    init(_ input: InputReader) throws(AWSServiceError) {
        guard let map = input.object["RequestItems"]?.objectValue, !map.isEmpty else {
            throw DynamoDBError.requestItemsRequired("BatchGetItem")
        }
        capacity = ItemReturnOptions.capacity(input)
        var total = 0
        for table in map.members {
            let entry = table.value.objectValue ?? JSONObject()
            let read = try DynamoDBService.itemStep { () throws(ItemError) in try Self.tableRead(table.key, entry) }
            var seen = Set<Item>()
            for key in read.keys {
                if !seen.insert(key.key).inserted { throw DynamoDBError.duplicateBatchKeys }
                total += 1
                if total > Self.maximumKeys { throw DynamoDBError.tooManyItems("BatchGetItem") }
            }
            tables.append(read)
        }
    }

    private static func tableRead(_ name: String, _ entry: JSONObject) throws(ItemError) -> TableRead {
        let reader = InputReader(entry)
        try LegacyParameters.checkNotMixed(
            present: DynamoDBService.presentMembers(reader), expressions: ["ProjectionExpression"], legacy: ["AttributesToGet"])
        var legacyProjection: [DocumentPath]?
        if let names = reader.strings("AttributesToGet") {
            var seen = Set<String>()
            for name in names where !seen.insert(name).inserted {
                throw .validation("One or more parameter values were invalid: Duplicate value in attribute name: \(name)")
            }
            legacyProjection = LegacyParameters.attributesToGet(names)
        }
        let parsed = try ItemExpressionMembers.parse(reader, kinds: [.projection])
        var keys: [(wire: JSONValue, key: Item)] = []
        for wire in reader.list("Keys") ?? [] {
            keys.append((wire, try AttributeValue.decodeMap(wire == .null ? .object(JSONObject()) : wire)))
        }
        return TableRead(
            name: name, entry: entry, keys: keys, projection: parsed.projection ?? legacyProjection,
            consistentRead: reader.bool("ConsistentRead") ?? false)
    }
}
