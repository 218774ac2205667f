import AWSProtocol

/// CreateTable: type checks (done by the dispatcher) → Coral constraints → semantic rules in the service's
/// order → the account's capacity limits → quotas and state → a CREATING TableDescription (observed DynamoDB
/// behaviour, 2019 and 2026; AWS: "CreateTable",
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html).
extension DynamoDBService {
    func createTable(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        let request = try CreateTableRequest(input)
        // 1. Coral constraints, collected.
        try request.validateConstraints()
        // 2. Semantic rules.
        try request.checkCapacity()
        let names = try request.checkKeySchema()
        let activeAt = context.now.addingTimeInterval(settings.createSeconds)
        let indexes = try request.checkIndexes(
            names, maxGlobalIndexes: settings.maxGlobalSecondaryIndexes, activeAt: activeAt)
        let streamViewType = try request.checkStreamSpecification()
        let kmsKeyArn = try TableInputs.sseKey(request.encryption, context) { managedKeyId(context) }
        let (tableClass, tags) = try request.checkClassTagsAndPolicy()
        try request.checkOnDemandWarmAndGlobalTable()
        // 3. Account limits on capacity.
        if !request.isPayPerRequest {
            try checkTableMaximum(request.throughput, context)
            for index in indexes.global {
                try checkIndexMaximum(index.name, index.throughput.read, index.throughput.write, context)
            }
        }
        // 4. State and quotas.
        return try withRegion(context) { (state: inout RegionState) throws(AWSServiceError) -> JSONValue in
            try checkRoomForTable(request.tableName, &state, context)
            var table = Table(
                request, id: random.uuid(), arn: context.tableArn(request.tableName), now: context.now, activeAt: activeAt,
                indexes: indexes, kmsKeyArn: kmsKeyArn, tableClass: tableClass, tags: tags)
            table.streamSpecification = streamViewType.map { (true, $0) }
            if let streamViewType {
                let record = newStream(table: table, viewType: streamViewType, enabledAt: activeAt, context)
                table.latestStreamArn = record.arn
                table.latestStreamLabel = record.label
                state.streams.append(record)
            }
            state.tables[table.name] = table
            state.insertName(table.name)
            if activeAt > context.now { state.noteTransition(table.name, until: activeAt) }
            let response = table.description(
                now: context.now, form: .createResponse, inFlight: Table.InFlight(tableStatus: .creating))
            return ["TableDescription": response]
        }
    }

    /// The name is free (or being created: ResourceInUse either way) and the region's quotas leave room.
    private func checkRoomForTable(_ name: String, _ state: inout RegionState, _ context: RequestContext)
        throws(AWSServiceError)
    {
        if let existing = state.tables[name] {
            if existing.status(at: context.now) == .creating { throw DynamoDBError.tableBeingCreated(name) }
            throw DynamoDBError.tableAlreadyExists(name)
        }
        if state.tables.count >= settings.maxTablesPerRegion { throw DynamoDBError.tableQuota(settings.maxTablesPerRegion) }
        if state.tablesInTransition(now: context.now) >= settings.maxConcurrentTableOperations {
            throw DynamoDBError.concurrentOperations(settings.maxConcurrentTableOperations)
        }
    }
}
