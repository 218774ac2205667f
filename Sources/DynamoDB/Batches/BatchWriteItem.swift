import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// BatchWriteItem: up to 25 PutRequest/DeleteRequest over one or more tables, no two for the same item,
/// each item checked as PutItem checks it; the whole batch is checked before any write is applied, then every
/// write is applied ("BatchWriteItem", Amazon DynamoDB API Reference,
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html).
/// `UnprocessedItems` is always empty here: DynamoDB returns requests in it when a table's provisioned
/// throughput is exceeded, and DynamoTrail enforces no throughput.
extension DynamoDBService {
    func batchWriteItem(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        BatchConstraints.checkWrite(input, &validator)
        if let error = validator.error { throw error }
        let request = try BatchWriteItemRequest(input)
        var plans: [PlannedWrites] = []
        for tableWrites in request.tables { plans.append(try planWrites(tableWrites, context)) }
        let growth = batchCollectionGrowth(plans)
        if !growth.exceeding(limit: settings.itemCollectionSizeLimitBytes).isEmpty {
            throw DynamoDBError.itemCollectionSizeLimitExceeded
        }
        var capacities: [JSONValue] = []
        var metrics = JSONObject()
        for plan in plans {
            let (consumed, collections) = try applyWrites(plan, collectionMetrics: request.collectionMetrics, growth: growth, context)
            if let json = consumed.json(request.capacity) { capacities.append(json) }
            if !collections.isEmpty { metrics.append(plan.name, .array(collections)) }
        }
        var answer = JSONObject()
        answer.append("UnprocessedItems", .object(JSONObject()))
        if !metrics.isEmpty { answer.append("ItemCollectionMetrics", .object(metrics)) }
        if request.capacity != .none { answer.append("ConsumedCapacity", .array(capacities)) }
        return .object(answer)
    }

    /// One table's writes, checked against its schema and indexes, with their keys.
    struct PlannedWrites {
        var name: String
        var table: Table
        /// Each write's key and the item it puts (nil: a delete).
        var writes: [(key: PrimaryKey, item: Item?)]
    }

    /// Looks the table up and checks every write's key (and a put's index keys); two writes of one item are
    /// refused ("Provided list of item keys contains duplicates").
    func planWrites(_ requested: BatchWriteItemRequest.TableWrites, _ context: RequestContext) throws(AWSServiceError)
        -> PlannedWrites
    {
        let table = try itemTable(Self.batchTableReference(requested.name, context), context)
        var plan = PlannedWrites(name: requested.name, table: table, writes: [])
        var seen = Set<PrimaryKey>()
        for write in requested.writes {
            let key: PrimaryKey
            switch write {
            case .put(let item):
                key = try Self.batchPutKey(item, table)
                plan.writes.append((key, item))
            case .delete(let keyItem):
                key = try Self.itemStep { () throws(ItemError) in try table.itemKeySchema.key(ofKey: keyItem) }
                plan.writes.append((key, nil))
            }
            if !seen.insert(key).inserted { throw DynamoDBError.duplicateBatchKeys }
        }
        return plan
    }

    /// A put's key and index keys, as PutItem checks them, except that a missing or mistyped key attribute
    /// is answered with the key-schema text (observed on DynamoDB, 2026).
    static func batchPutKey(_ item: Item, _ table: Table) throws(AWSServiceError) -> PrimaryKey {
        do {
            let key = try table.itemKeySchema.key(ofItem: item)
            try checkIndexKeys(of: item, in: table)
            return key
        } catch {
            let schemaTexts = [DynamoDBError.invalid + "Missing the key ", DynamoDBError.invalid + "Type mismatch for key "]
            if schemaTexts.contains(where: error.message.hasPrefix) { throw DynamoDBError.keyDoesNotMatchSchema }
            throw error.serviceError
        }
    }

    /// The item-collection sizes the whole batch leads to (tables with local secondary indexes): a batch that
    /// would grow a collection past the limit is refused whole, with PutItem's ItemCollectionSizeLimitExceededException
    /// (BatchWriteItem declares it, API Reference; Unverified: that no part of the batch is applied).
    func batchCollectionGrowth(_ plans: [PlannedWrites]) -> CollectionGrowth {
        var growth = CollectionGrowth()
        for plan in plans {
            let store = plan.table.localIndexes.isEmpty ? nil : itemTables.store(of: plan.table)
            for write in plan.writes {
                addCollectionWrite(&growth, plan.table, write.key, old: store?.item(at: write.key), new: write.item)
            }
        }
        return growth
    }

    /// Applies one table's writes in order, keeping the index figures in step as PutItem and DeleteItem do;
    /// answers the table's summed capacity and, when asked, one `ItemCollectionMetrics` per item collection
    /// written (tables with local secondary indexes; one per collection rather than per request: Unverified),
    /// sized after the whole batch from `growth`.
    func applyWrites(
        _ plan: PlannedWrites, collectionMetrics: Bool, growth: CollectionGrowth, _ context: RequestContext
    ) throws(AWSServiceError)
        -> (ConsumedCapacity, [JSONValue])
    {
        var changes: [(key: PrimaryKey, old: Item?, new: Item?)] = []
        let consumed = try itemTables.withStore(of: plan.table) {
            (store: inout ItemStore) throws(AWSServiceError) -> ConsumedCapacity in
            var consumed = ConsumedCapacity(tableName: plan.name, table: 0)
            for write in plan.writes {
                let old = write.item.map { store.put($0, at: write.key) } ?? store.delete(at: write.key)
                consumed.add(ConsumedCapacity.write(plan.table, named: plan.name, old: old, new: write.item))
                changes.append((write.key, old, write.item))
            }
            return consumed
        }
        for change in changes {
            didChangeItem(in: plan.table, key: change.key, old: change.old, new: change.new, origin: .caller, context)
        }
        var collections: [JSONValue] = []
        guard collectionMetrics, !plan.table.localIndexes.isEmpty else { return (consumed, collections) }
        var partitions = Set<KeyValue>()
        for write in plan.writes where partitions.insert(write.key.partition).inserted {
            let collection = CollectionGrowth.Collection(tableId: plan.table.id, partition: write.key.partition)
            let bytes = growth.current[collection] ?? 0
            collections.append(ItemCollectionMetrics.json(plan.table.itemKeySchema, partition: write.key.partition, bytes: bytes))
        }
        return (consumed, collections)
    }
}

/// BatchWriteItem's parameters after the checks DynamoDB makes before it looks the tables up, table by table
/// in request order (dynalite's recordings): each WriteRequest holds exactly one operation, then each put's
/// values and size and each delete's key values, then the 25-request total.
struct BatchWriteItemRequest {
    /// One PutRequest or DeleteRequest, its values decoded.
    enum Write {
        case put(Item)
        case delete(Item)
    }

    /// One table's part of the request.
    struct TableWrites {
        /// The `RequestItems` key as sent (a name or an ARN).
        var name: String
        var writes: [Write]
    }

    static let maximumRequests = 25

    var tables: [TableWrites] = []
    var capacity: CapacityReport
    var collectionMetrics: Bool

    init(_ input: InputReader) throws(AWSServiceError) {
        guard let map = input.object["RequestItems"]?.objectValue, !map.isEmpty else {
            throw DynamoDBError.requestItemsRequired("BatchWriteItem")
        }
        capacity = ItemReturnOptions.capacity(input)
        collectionMetrics = input.string("ReturnItemCollectionMetrics") == "SIZE"
        var total = 0
        for table in map.members {
            let requests = table.value.arrayValue ?? []
            if requests.contains(where: { Self.operationCount($0) != 1 }) { throw DynamoDBError.writeRequestNotOneOperation }
            var writes: [Write] = []
            for request in requests {
                writes.append(try DynamoDBService.itemStep { () throws(ItemError) in try Self.write(request) })
                total += 1
                if total > Self.maximumRequests { throw DynamoDBError.tooManyItems("BatchWriteItem") }
            }
            tables.append(TableWrites(name: table.key, writes: writes))
        }
    }

    /// How many of PutRequest and DeleteRequest a WriteRequest holds.
    static func operationCount(_ request: JSONValue) -> Int {
        ["PutRequest", "DeleteRequest"].filter { request[$0] != nil && request[$0] != .null }.count
    }

    private static func write(_ request: JSONValue) throws(ItemError) -> Write {
        let empty = JSONValue.object(JSONObject())
        if let put = request["PutRequest"], put != .null {
            let item = try AttributeValue.decodeMap(put["Item"] ?? empty)
            try AttributeValue.checkSize(of: item)
            return .put(item)
        }
        return .delete(try AttributeValue.decodeMap(request["DeleteRequest"]?["Key"] ?? empty))
    }
}
