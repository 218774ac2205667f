import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// DynamoDB's control plane and the Streams metadata API, in memory, per account and region.
/// Isolation: actor — all tables, streams and reservations live inside it; calls are serialized on
/// `executor`'s queue, which the server also enters synchronously (`+Immediate`).
/// Statuses are computed lazily from the injected clock, so no timers run.
public actor DynamoDBService {
    let settings: DynamoDBSettings
    let clock: any WallClock
    let random: any RandomSource
    var regions: [RegionKey: RegionState] = [:]
    /// The items of every table, by table id (see `ItemTables`).
    var itemTables = ItemTables()
    /// Recent TransactWriteItems client request tokens (see `TransactionTokens`).
    var transactionTokens = TransactionTokens()
    /// Runs the actor's jobs; see `DynamoDBService+Immediate`.
    let executor = DispatchQueueExecutor(label: "dynamotrail.dynamodb")

    public init(settings: DynamoDBSettings, clock: any WallClock, random: any RandomSource) {
        self.settings = settings
        self.clock = clock
        self.random = random
    }

    /// Forgets all tables, their items, streams and reservations.
    public func reset() {
        regions = [:]
        itemTables = ItemTables()
        transactionTokens = TransactionTokens()
    }

    /// Answers one call: the response body, or the AWS error to render.
    public func handle(_ request: DynamoDBRequest) -> Result<JSONValue, AWSServiceError> {
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

    // MARK: Shared helpers

    /// Runs `body` on the state of the caller's account and region, in place.
    func withRegion<T>(_ context: RequestContext, _ body: (inout RegionState) throws(AWSServiceError) -> T)
        throws(AWSServiceError) -> T
    {
        try body(&regions[context.key, default: RegionState()])
    }

    /// The table named (or ARN-addressed) by `name`, settled to `now`, or ResourceNotFoundException.
    func existingTable(_ name: String, shown: String, _ context: RequestContext) throws(AWSServiceError) -> Table {
        guard var table = regions[context.key]?.tables[name] else { throw DynamoDBError.tableNotFound(shown) }
        table.settle(now: context.now)
        regions[context.key]?.tables[name] = table
        return table
    }

    /// The table `reference` names, settled to `now`, or ResourceNotFoundException (an index ARN names none).
    func existingTable(_ reference: TableReference, _ context: RequestContext) throws(AWSServiceError) -> Table {
        guard let name = reference.tableName else { throw DynamoDBError.tableNotFound(reference.shown) }
        return try existingTable(name, shown: reference.shown, context)
    }

    /// True when the caller's region holds a table (in any state) that `reference` names.
    func tableExists(_ reference: TableReference, _ context: RequestContext) -> Bool {
        guard let name = reference.tableName else { return false }
        return regions[context.key]?.tables[name] != nil
    }

    func store(_ table: Table, _ context: RequestContext) {
        regions[context.key, default: RegionState()].tables[table.name] = table
    }
}
