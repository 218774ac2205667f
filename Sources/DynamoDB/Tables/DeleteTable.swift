import AWSProtocol

/// DeleteTable: a reduced TableDescription in DELETING; the table disappears `deleteSeconds` later.
extension DynamoDBService {
    func deleteTable(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        let reference = try Self.tableReference(input, &validator, context)
        if let error = validator.error { throw error }
        var table = try existingTable(reference, context)
        switch table.status(at: context.now) {
        case .creating: throw DynamoDBError.tableBeingCreated(table.name)
        case .deleting: throw DynamoDBError.tableBeingDeleted(table.name)
        case .updating: throw DynamoDBError.tableBeingUpdated(table.name)
        case .active: break
        }
        if table.globalIndexes.contains(where: { $0.status(at: context.now) != .active }) {
            throw DynamoDBError.deleteWhileIndexesChange
        }
        // Observed DynamoDB behaviour (2026): while SSEDescription.Status is UPDATING (TableStatus ACTIVE) DeleteTable is
        // still ResourceInUse. Unverified: the text for DeleteTable is not captured; UpdateTable's SSE-in-flight one is used.
        if let until = table.sse?.updatingUntil, context.now < until { throw DynamoDBError.sseInFlight }
        // The same holds while WarmThroughput.Status is UPDATING. Unverified: the text; the generic UPDATING one is used.
        if let until = table.warmUpdatingUntil, context.now < until { throw DynamoDBError.tableBeingUpdated(table.name) }
        if table.deletionProtection { throw DynamoDBError.deletionProtected }
        let goneAt = context.now.addingTimeInterval(settings.deleteSeconds)
        return try withRegion(context) { (state: inout RegionState) throws(AWSServiceError) -> JSONValue in
            if state.tablesInTransition(now: context.now) >= settings.maxConcurrentTableOperations {
                throw DynamoDBError.concurrentOperations(settings.maxConcurrentTableOperations)
            }
            table.deletingSince = context.now
            // The figures as DescribeTable showed them a moment ago, taken before the items go.
            let description = withItemStatistics(
                table.description(now: context.now, form: .deleteResponse), of: table, context)
            itemTables.drop(tableId: table.id)
            state.tables[table.name] = table
            state.pendingDeletions[table.name] = goneAt
            if goneAt > context.now { state.noteTransition(table.name, until: goneAt) }
            // The table's live stream goes DISABLING now and DISABLED when the table is gone.
            if table.streamSpecification?.enabled == true, let arn = table.latestStreamArn {
                state.disableStream(arn, now: context.now, disabledAt: goneAt)
            }
            return ["TableDescription": description]
        }
    }
}
