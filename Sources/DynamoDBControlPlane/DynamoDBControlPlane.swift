import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Which JSON API a request was addressed to (`DynamoDB_20120810.*` or `DynamoDBStreams_20120810.*`).
public enum ControlPlaneService: Sendable { case dynamoDB, streams }

/// One parsed call, as the router hands it over.
public struct ControlPlaneRequest: Sendable {
    public var service: ControlPlaneService
    /// The part after the dot in X-Amz-Target, e.g. "CreateTable".
    public var operation: String
    /// The parsed JSON body; the router already answered non-JSON and empty bodies.
    public var input: JSONValue
    public var accountId: String
    public var region: String

    public init(service: ControlPlaneService, operation: String, input: JSONValue, accountId: String, region: String) {
        self.service = service
        self.operation = operation
        self.input = input
        self.accountId = accountId
        self.region = region
    }
}

/// What one call knows besides its input: who, where, when.
struct RequestContext: Sendable {
    var accountId: String
    var region: String
    var now: Date
    var key: RegionKey { RegionKey(accountId: accountId, region: region) }

    func tableArn(_ name: String) -> String { "arn:aws:dynamodb:\(region):\(accountId):table/\(name)" }
}

struct RegionKey: Hashable, Sendable {
    var accountId: String
    var region: String
}

/// DynamoDB's control plane and the Streams metadata API, in memory, per account and region.
/// Isolation: actor — all tables, streams and reservations live inside it; calls are serialized.
/// Statuses are computed lazily from the injected clock, so no timers run.
public actor DynamoDBControlPlane {
    let settings: ControlPlaneSettings
    let clock: any WallClock
    let random: any RandomSource
    var regions: [RegionKey: RegionState] = [:]

    public init(settings: ControlPlaneSettings, clock: any WallClock, random: any RandomSource) {
        self.settings = settings
        self.clock = clock
        self.random = random
    }

    /// Forgets all tables, streams and reservations.
    public func reset() { regions = [:] }

    /// Answers one call: the response body, or the AWS error to render.
    public func handle(_ request: ControlPlaneRequest) -> Result<JSONValue, AWSServiceError> {
        let context = RequestContext(accountId: request.accountId, region: request.region, now: clock.now())
        regions[context.key, default: RegionState()].settle(now: context.now)
        do {
            switch request.service {
            case .dynamoDB: return .success(try dispatchDynamoDB(request.operation, request.input, context))
            case .streams: return .success(try dispatchStreams(request.operation, request.input, context))
            }
        } catch {
            return .failure(error)
        }
    }

    /// True when `operation` is a real operation of that service: the 57 DynamoDB operations of the
    /// botocore model plus the three reserved-capacity ones, or the four Streams ones.
    public static func recognizes(_ service: ControlPlaneService, operation: String) -> Bool {
        switch service {
        case .dynamoDB: return dynamoDBOperations.contains(operation)
        case .streams: return streamsOperations.contains(operation)
        }
    }

    static let servedOperations: Set<String> = [
        "CreateTable", "DescribeTable", "ListTables", "DeleteTable", "UpdateTable", "TagResource", "UntagResource",
        "ListTagsOfResource", "DescribeTimeToLive", "UpdateTimeToLive", "DescribeContinuousBackups",
        "UpdateContinuousBackups", "DescribeLimits", "DescribeEndpoints", "DescribeReservedCapacityOfferings",
        "PurchaseReservedCapacityOfferings", "DescribeReservedCapacity",
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
    public static func isDataPlane(_ service: ControlPlaneService, operation: String) -> Bool {
        switch service {
        case .dynamoDB: dataPlaneOperations.contains(operation)
        case .streams: operation == "GetShardIterator" || operation == "GetRecords"
        }
    }

    private func dispatchDynamoDB(_ operation: String, _ input: JSONValue, _ context: RequestContext)
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
        default:
            if Self.dataPlaneOperations.contains(operation) { throw ControlPlaneError.dataPlaneNotServed(operation) }
            if Self.otherDynamoDBOperations.contains(operation) {
                throw ControlPlaneError.operationNotServed(operation)
            }
            throw AWSServiceError.unknownOperation
        }
    }

    private func dispatchStreams(_ operation: String, _ input: JSONValue, _ context: RequestContext)
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
        if let error = InputTypeChecker.check(input, against: shape) { throw error }
        guard case .object(let object) = input else { throw AWSServiceError.serialization }
        return InputReader(object)
    }

    // MARK: Shared helpers

    /// Runs `body` on the state of the caller's account and region, in place.
    func withRegion<T>(_ context: RequestContext, _ body: (inout RegionState) throws(AWSServiceError) -> T)
        throws(AWSServiceError) -> T
    {
        try body(&regions[context.key, default: RegionState()])
    }

    /// The table named (or ARN-addressed) by `name`, settled to `now`, or ResourceNotFoundException.
    func existingTable(_ name: String, shown: String, _ context: RequestContext) throws(AWSServiceError) -> Table {
        guard var table = regions[context.key]?.tables[name] else { throw ControlPlaneError.tableNotFound(shown) }
        table.settle(now: context.now)
        regions[context.key]?.tables[name] = table
        return table
    }

    func store(_ table: Table, _ context: RequestContext) {
        regions[context.key, default: RegionState()].tables[table.name] = table
    }

    /// Validates `TableName` on operations that accept a name or a table ARN (Describe/Delete/Update…):
    /// returns the bare name to look up and the text to show in a not-found message.
    static func tableReference(_ input: InputReader, _ validator: inout CoralValidator, _ context: RequestContext)
        throws(AWSServiceError) -> (name: String, shown: String)
    {
        guard let value = input.string("TableName") else { throw ControlPlaneError.missingParameter("TableName") }
        if value.hasPrefix("arn:") {
            validator.length(value, at: "tableName", min: 1, max: 1024)
            if let error = validator.error { throw error }
            // A missing table given by ARN is reported by its bare name (observed on AWS, 2026); an index ARN
            // (parsed to a name no table has) keeps the ARN.
            let name = try parseTableArn(value, context)
            return (name, name.hasPrefix("\u{0}") ? value : name)
        }
        validator.name(value, at: "tableName")
        return (value, value)
    }

    /// `arn:aws:dynamodb:<region>:<account>:table/<name>` → name (a foreign account or region names no table here).
    static func parseTableArn(_ arn: String, _ context: RequestContext) throws(AWSServiceError) -> String {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, ["aws", "aws-cn", "aws-us-gov"].contains(parts[1]) else {
            throw ControlPlaneError.invalidArn("partition", arn)
        }
        guard parts[2] == "dynamodb" else { throw ControlPlaneError.invalidArn("service", arn) }
        guard isRegionName(parts[3]) else { throw ControlPlaneError.invalidArn("region", arn) }
        guard parts[5].hasPrefix("table/"), parts[5].count > 6 else {
            throw ControlPlaneError.invalidArn("resource type", arn)
        }
        let name = String(parts[5].dropFirst(6))
        // Observed on AWS in 2026: another region's ARN is "Invalid AWS region", another account's is AccessDenied.
        guard parts[3] == context.region else { throw ControlPlaneError.invalidArn("region", arn) }
        guard parts[4] == context.accountId else { throw ControlPlaneError.accessDenied }
        guard !name.contains("/") else {
            // Unverified: AWS answers an index ARN with a ValidationException whose text is not captured;
            // it is reported as not found here.
            return "\u{0}" + arn
        }
        return name
    }

    static func isRegionName(_ region: String) -> Bool {
        let pieces = region.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count >= 3, let last = pieces.last, !last.isEmpty, last.allSatisfy(\.isNumber) else {
            return false
        }
        return pieces.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter && $0.isLowercase } }
    }

    /// A stream label: the UTC instant with milliseconds and no zone (`2026-10-08T23:07:31.275`).
    static func streamLabel(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone.current
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second],
            from: Date(timeIntervalSince1970: TimeInterval(millis / 1000)))
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))T\(pad(parts.hour, 2)):"
            + "\(pad(parts.minute, 2)):\(pad(parts.second, 2)).\(pad(Int(millis % 1000), 3))"
    }

    /// Java's `Date.toString()` form in UTC, used where AWS prints instants inside messages (Unverified form).
    static func javaDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone.current
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ v: Int?) -> String { (v ?? 0) < 10 ? "0\(v ?? 0)" : "\(v ?? 0)" }
        let day = days[((p.weekday ?? 1) - 1 + 7) % 7]
        let month = months[((p.month ?? 1) - 1 + 12) % 12]
        return "\(day) \(month) \(two(p.day)) \(two(p.hour)):\(two(p.minute)):\(two(p.second)) UTC \(p.year ?? 1970)"
    }
}
