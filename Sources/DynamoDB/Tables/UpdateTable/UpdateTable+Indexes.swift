import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The rules of each GlobalSecondaryIndexUpdates action against the table (observed DynamoDB behaviour, 2019 and
/// 2026; AWS: "Managing Global Secondary Indexes in DynamoDB",
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html).
extension DynamoDBService {
    func checkIndexUpdates(
        _ request: UpdateTableRequest, _ table: Table, _ billing: BillingChange, _ context: RequestContext
    ) throws(AWSServiceError) {
        for element in request.indexUpdates {
            let name = element.indexName ?? ""
            if let update = element.update {
                try checkIndexUpdate(update, name, table, billing, context)
            } else if element.delete != nil {
                try Self.checkIndexDeletion(name, table, now: context.now)
            } else if let create = element.create {
                try checkIndexCreation(create, name, table, request.attributeDefinitions, billing, context)
            }
        }
    }

    /// Update: an existing global index; capacity only on PROVISIONED tables, on-demand limits or warm
    /// throughput only on PAY_PER_REQUEST ones.
    private func checkIndexUpdate(
        _ update: GlobalSecondaryIndexUpdate.Update, _ name: String, _ table: Table, _ billing: BillingChange,
        _ context: RequestContext
    ) throws(AWSServiceError) {
        if table.hasLocalIndex(name) { throw DynamoDBError.notAGlobalIndex(delete: false, name) }
        guard let position = table.globalIndexPosition(name) else {
            if let requested = update.throughput,
                (requested.read ?? 0) > TableInputs.maxCapacity || (requested.write ?? 0) > TableInputs.maxCapacity
            {
                throw DynamoDBError.indexUpdateBlocked
            }
            throw DynamoDBError.indexNotFound(name, table: table.name)
        }
        if billing.target == .payPerRequest {
            if update.throughput != nil { throw DynamoDBError.indexThroughputOnPayPerRequest(name) }
            if update.onDemand == nil && update.warm == nil { throw DynamoDBError.onlyOnDemandOrWarmForIndex(name) }
        } else if let requested = update.throughput, let read = requested.read, let write = requested.write {
            try TableInputs.checkBounds(requested)
            let current = table.globalIndexes[position].throughput
            if !billing.switchesToProvisioned && current.read == read && current.write == write {
                throw DynamoDBError.throughputWillNotChange(
                    index: name, currentRead: current.read, requestedRead: read, currentWrite: current.write,
                    requestedWrite: write)
            }
            try checkIndexMaximum(name, read, write, context)
        }
        if let onDemand = update.onDemand {
            if billing.target != .payPerRequest { throw DynamoDBError.onDemandOnProvisioned }
            try TableInputs.checkOnDemand(onDemand, allowClear: true)
        }
    }

    /// Delete: an existing global index, not already going, and past its resource-allocation phase.
    private static func checkIndexDeletion(_ name: String, _ table: Table, now: Date) throws(AWSServiceError) {
        if table.hasLocalIndex(name) { throw DynamoDBError.notAGlobalIndex(delete: true, name) }
        guard let position = table.globalIndexPosition(name) else {
            throw DynamoDBError.indexNotFound(name, table: table.name)
        }
        let index = table.globalIndexes[position]
        if index.deletingUntil != nil { throw DynamoDBError.indexBeingDeleted(table.name, name) }
        if index.isAllocatingResources(at: now) { throw DynamoDBError.indexInAllocation(table.name, name) }
    }

    /// Create: a new name, keys defined in this request, CreateTable's key and projection rules, capacity as the
    /// billing mode requires, and room under the per-table index quota.
    private func checkIndexCreation(
        _ create: IndexInput, _ name: String, _ table: Table, _ definitions: [KeyInput]?, _ billing: BillingChange,
        _ context: RequestContext
    ) throws(AWSServiceError) {
        if table.hasLocalIndex(name) || table.globalIndexPosition(name) != nil {
            throw DynamoDBError.indexAlreadyExists
        }
        guard let definitions else { throw DynamoDBError.indexNeedsAttributeDefinitions(name) }
        // The new index's keys must be defined in this request, even those the table already defines
        // (real AWS: alexdebrie/dynamodbguide.com#16, nubo-db/dynoxide#144); checked as CreateTable does.
        let requested = definitions.map { $0.name ?? "" }
        let keys = (create.keySchema ?? []).map { $0.name ?? "" }
        if keys.count > requested.count { throw DynamoDBError.keyWithoutDefinition }
        if keys.contains(where: { !requested.contains($0) }) { throw DynamoDBError.keysNotDefined(keys, requested) }
        try table.checkNoRedefinition(create.keySchema ?? [], definitions)
        try TableInputs.checkKeySchema(create.keySchema ?? [], multiAttribute: true, index: name)
        try TableInputs.checkProjection(create.projection)
        if billing.target == .payPerRequest {
            if create.throughput != nil { throw DynamoDBError.indexThroughputForbidden(name) }
        } else {
            guard let requested = create.throughput else { throw DynamoDBError.indexThroughputMissing(name) }
            try TableInputs.checkBounds(requested)
            try checkIndexMaximum(name, requested.read ?? 0, requested.write ?? 0, context)
        }
        if table.globalIndexes.count + 1 > settings.maxGlobalSecondaryIndexes {
            throw DynamoDBError.globalIndexLimit(settings.maxGlobalSecondaryIndexes)
        }
    }
}
