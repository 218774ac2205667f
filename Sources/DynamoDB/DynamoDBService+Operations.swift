import AWSProtocol
import DynamoDBItems

/// The operations DynamoTrail recognizes and serves, and the dispatch of each call to its handler.
extension DynamoDBService {
    /// True when `operation` is a real operation of that service: the 57 DynamoDB operations of the
    /// botocore model plus the three reserved-capacity ones, or the four Streams ones.
    public static func recognizes(_ service: DynamoDBAPI, operation: String) -> Bool {
        plane(service, operation: operation) != nil
    }

    /// The plane an operation belongs to, in one lookup; nil when the service has no such operation.
    public static func plane(_ service: DynamoDBAPI, operation: String) -> OperationPlane? {
        switch service {
        case .dynamoDB:
            if dataPlaneOperations.contains(operation) { return .data }
            return dynamoDBOperations.contains(operation) ? .control : nil
        case .streams:
            guard streamsOperations.contains(operation) else { return nil }
            return operation == "GetShardIterator" || operation == "GetRecords" ? .data : .control
        }
    }

    static let servedOperations: Set<String> = [
        "CreateTable", "DescribeTable", "ListTables", "DeleteTable", "UpdateTable", "TagResource", "UntagResource",
        "ListTagsOfResource", "DescribeTimeToLive", "UpdateTimeToLive", "DescribeContinuousBackups",
        "UpdateContinuousBackups", "DescribeLimits", "DescribeEndpoints", "DescribeReservedCapacityOfferings",
        "PurchaseReservedCapacityOfferings", "DescribeReservedCapacity", "PutItem", "GetItem", "UpdateItem", "DeleteItem",
        "Query", "Scan",
        "BatchGetItem", "BatchWriteItem",
        "TransactWriteItems", "TransactGetItems",
    ]
    static let dataPlaneOperations: Set<String> = [
        "BatchExecuteStatement", "BatchGetItem", "BatchWriteItem", "DeleteItem", "ExecuteStatement",
        "ExecuteTransaction", "GetItem", "PutItem", "Query", "Scan", "TransactGetItems", "TransactWriteItems",
        "UpdateItem",
    ]
    static let otherDynamoDBOperations: Set<String> = [
        "CreateBackup", "CreateGlobalTable", "DeleteBackup", "DeleteResourcePolicy", "DescribeBackup",
        "DescribeContributorInsights", "DescribeExport", "DescribeGlobalTable", "DescribeGlobalTableSettings",
        "DescribeImport", "DescribeKinesisStreamingDestination", "DescribeTableReplicaAutoScaling",
        "DisableKinesisStreamingDestination", "EnableKinesisStreamingDestination", "ExportTableToPointInTime",
        "GetResourcePolicy", "ImportTable", "ListBackups", "ListContributorInsights", "ListExports",
        "ListGlobalTables", "ListImports", "PutResourcePolicy", "RestoreTableFromBackup",
        "RestoreTableToPointInTime", "UpdateContributorInsights", "UpdateGlobalTable", "UpdateGlobalTableSettings",
        "UpdateKinesisStreamingDestination", "UpdateTableReplicaAutoScaling",
    ]
    static let dynamoDBOperations = servedOperations.union(dataPlaneOperations).union(otherDynamoDBOperations)
    static let streamsOperations: Set<String> = ["DescribeStream", "ListStreams", "GetShardIterator", "GetRecords"]

    /// Item operations and the Streams record calls: DynamoDB's data plane (everything else is control plane).
    public static func isDataPlane(_ service: DynamoDBAPI, operation: String) -> Bool {
        plane(service, operation: operation) == .data
    }

    func dispatchDynamoDB(_ operation: String, _ input: JSONValue, _ context: RequestContext)
        throws(AWSServiceError) -> JSONValue
    {
        switch operation {
        case "CreateTable": return try createTable(try checked(input, InputShapes.createTable), context)
        case "DescribeTable": return try describeTable(try checked(input, InputShapes.tableNameOnly), context)
        case "ListTables": return try listTables(try checked(input, InputShapes.listTables), context)
        case "DeleteTable": return try deleteTable(try checked(input, InputShapes.tableNameOnly), context)
        case "UpdateTable": return try updateTable(try checked(input, InputShapes.updateTable), context)
        case "TagResource": return try tagResource(try checked(input, InputShapes.tagResource), context)
        case "UntagResource": return try untagResource(try checked(input, InputShapes.untagResource), context)
        case "ListTagsOfResource":
            return try listTagsOfResource(try checked(input, InputShapes.listTagsOfResource), context)
        case "DescribeTimeToLive": return try describeTimeToLive(try checked(input, InputShapes.tableNameOnly), context)
        case "UpdateTimeToLive": return try updateTimeToLive(try checked(input, InputShapes.updateTimeToLive), context)
        case "DescribeContinuousBackups":
            return try describeContinuousBackups(try checked(input, InputShapes.tableNameOnly), context)
        case "UpdateContinuousBackups":
            return try updateContinuousBackups(try checked(input, InputShapes.updateContinuousBackups), context)
        case "DescribeLimits": return try describeLimits(try checked(input, InputShapes.empty), context)
        case "DescribeEndpoints": return try describeEndpoints(try checked(input, InputShapes.empty), context)
        case "DescribeReservedCapacityOfferings":
            return try describeReservedCapacityOfferings(
                try checked(input, InputShapes.describeReservedCapacityOfferings), context)
        case "PurchaseReservedCapacityOfferings":
            return try purchaseReservedCapacityOfferings(
                try checked(input, InputShapes.purchaseReservedCapacityOfferings), context)
        case "DescribeReservedCapacity":
            return try describeReservedCapacity(try checked(input, InputShapes.describeReservedCapacity), context)
        case "PutItem": return try putItem(try checked(input, InputShapes.putItem), context)
        case "GetItem": return try getItem(try checked(input, InputShapes.getItem), context)
        case "UpdateItem": return try updateItem(try checked(input, InputShapes.updateItem), context)
        case "DeleteItem": return try deleteItem(try checked(input, InputShapes.deleteItem), context)
        case "Query": return try query(try checked(input, InputShapes.query), context)
        case "Scan": return try scan(try checked(input, InputShapes.scan), context)
        case "BatchGetItem": return try batchGetItem(try checked(input, InputShapes.batchGetItem), context)
        case "BatchWriteItem": return try batchWriteItem(try checked(input, InputShapes.batchWriteItem), context)
        case "TransactWriteItems":
            return try transactWriteItems(try checked(input, InputShapes.transactWriteItems), context)
        case "TransactGetItems": return try transactGetItems(try checked(input, InputShapes.transactGetItems), context)
        default:
            if Self.dataPlaneOperations.contains(operation) { throw DynamoDBError.dataPlaneNotServed(operation) }
            if Self.otherDynamoDBOperations.contains(operation) {
                throw DynamoDBError.operationNotServed(operation)
            }
            throw AWSServiceError.unknownOperation
        }
    }

    func dispatchStreams(_ operation: String, _ input: JSONValue, _ context: RequestContext)
        throws(AWSServiceError) -> JSONValue
    {
        switch operation {
        case "ListStreams": return try listStreams(try checked(input, InputShapes.listStreams), context)
        case "DescribeStream": return try describeStream(try checked(input, InputShapes.describeStream), context)
        case "GetShardIterator": return try getShardIterator(try checked(input, InputShapes.getShardIterator), context)
        case "GetRecords": return try getRecords(try checked(input, InputShapes.getRecords), context)
        default: throw AWSServiceError.unknownOperation
        }
    }

    /// Runs the SerializationException type check and hands out a reader for the input object.
    private func checked(_ input: JSONValue, _ shape: InputShape) throws(AWSServiceError) -> InputReader {
        var decoded: [String: Item] = [:]
        if let error = InputTypeChecker.check(input, against: shape, keeping: &decoded) { throw error }
        guard case .object(let object) = input else { throw AWSServiceError.serialization }
        var reader = InputReader(object)
        reader.decodedAttributeMaps = decoded
        return reader
    }
}
