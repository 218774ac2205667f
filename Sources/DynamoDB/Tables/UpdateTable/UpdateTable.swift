import AWSProtocol

/// UpdateTable: throughput and billing mode, global secondary index updates, streams, SSE, table class,
/// deletion protection, on-demand and warm throughput. Each concern's rules and changes live in their own
/// `UpdateTable+<Concern>.swift`; this file gives the order of the phases, which is the order of the errors
/// (observed DynamoDB behaviour, 2019 and 2026; AWS: "UpdateTable",
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html).
extension DynamoDBService {
    func updateTable(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        let request = UpdateTableRequest(input)
        // 1. Coral constraints, then the rules on the request alone.
        let reference = try request.validateConstraints(context)
        try request.checkCombination()
        // 2. The table, and what is in flight on it (deletion protection is synchronous and admitted while UPDATING).
        var table = try existingTable(reference, context)
        if request.has(.deletionProtection), let enabled = request.deletionProtectionEnabled {
            return try updateDeletionProtection(&table, enabled, context)
        }
        try checkNothingInFlight(request, table, now: context.now)
        // 3. The rules that depend on the table, concern by concern.
        let billing = try request.checkBillingMode(table)
        try checkIndexUpdates(request, table, billing, context)
        try checkTableThroughput(request, table, billing, context)
        try request.checkStreamToggle(table)
        let newKey = try checkEncryption(request, table, context)
        try request.checkOnDemandAndWarm(table, billing)
        if try request.checkTableClass(table, now: context.now) == .freeNoOp {
            return ["TableDescription": withItemStatistics(table.description(now: context.now, form: .full), of: table, context)]
        }
        // 4. The changes.
        return try applyUpdate(request, to: table, billing, newKey: newKey, context)
    }

    /// Applies every concern's change in a fixed order (the last one names what is in flight), then stores the table.
    private func applyUpdate(
        _ request: UpdateTableRequest, to table: Table, _ billing: BillingChange, newKey: String?,
        _ context: RequestContext
    ) throws(AWSServiceError) -> JSONValue {
        let until = context.now.addingTimeInterval(settings.updateSeconds)
        if until > context.now {
            let busy = try withRegion(context) { (state: inout RegionState) -> Int in
                state.tablesInTransition(now: context.now)
            }
            if busy >= settings.maxConcurrentTableOperations {
                throw DynamoDBError.concurrentOperations(settings.maxConcurrentTableOperations)
            }
        }
        var update = TableUpdate(table: table, now: context.now, until: until)
        update.table.updateKind = .other
        update.applyAttributeDefinitions(request)
        update.applyBillingMode(request.billingMode, billing)
        update.applyThroughput(request.throughput, billing)
        update.applyIndexUpdates(request.indexUpdates, billing, createSeconds: settings.createSeconds)
        if request.has(.stream) { update.applyStream(newStream: streamToEnable(for: request, update, context)) }
        if request.has(.encryption) { update.applyEncryption(newKey: newKey) }
        if let tableClass = request.tableClass { update.applyTableClass(tableClass) }
        if let onDemand = request.onDemand { update.applyOnDemand(onDemand) }
        if let warm = request.warm { update.applyWarmThroughput(warm) }
        return try commit(update, request, context)
    }

    /// Stores the updated table, notes its transition, and moves the stream it enabled or disabled.
    private func commit(_ update: TableUpdate, _ request: UpdateTableRequest, _ context: RequestContext)
        throws(AWSServiceError) -> JSONValue
    {
        var table = update.table
        if update.tableGoesUpdating { table.updatingUntil = update.until }
        let inFlight = Table.InFlight(
            tableStatus: update.tableGoesUpdating ? .updating : nil, indexStatuses: update.indexStatuses,
            sseUpdating: request.has(.encryption), warmUpdating: request.warm != nil, echoOnDemand: true)
        let response = withItemStatistics(
            table.description(now: context.now, form: .full, inFlight: inFlight), of: table, context)
        try withRegion(context) { (state: inout RegionState) in
            state.tables[table.name] = table
            if update.tableGoesUpdating && update.until > context.now { state.noteTransition(table.name, until: update.until) }
            if request.has(.stream) { state.recordStreamChange(update, now: context.now) }
        }
        return ["TableDescription": response]
    }
}
