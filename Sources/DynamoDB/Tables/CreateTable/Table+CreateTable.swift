#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The table CreateTable stores.
extension Table {
    /// A new table as CreateTable asked for it, once every rule passed; CREATING until `activeAt`.
    init(
        _ request: CreateTableRequest, id: String, arn: String, now: Date, activeAt: Date,
        indexes: (local: [LocalIndex], global: [GlobalIndex]), kmsKeyArn: String?, tableClass: TableClass?,
        tags: [(key: String, value: String)]
    ) {
        let payPerRequest = request.isPayPerRequest
        self.init(
            name: request.tableName, id: id, arn: arn, createdAt: now, activeAt: activeAt,
            attributeDefinitions: (request.attributeDefinitions ?? []).map(KeyElement.init),
            keySchema: (request.keySchema ?? []).map(KeyElement.init), billingMode: request.billingMode,
            showsBillingSummary: payPerRequest, lastUpdateToPayPerRequest: payPerRequest ? now : nil,
            throughput: Throughput(read: request.throughput?.read ?? 0, write: request.throughput?.write ?? 0),
            localIndexes: indexes.local, globalIndexes: indexes.global, sse: kmsKeyArn.map { SSEState(kmsKeyArn: $0) },
            tableClass: tableClass, deletionProtection: request.input.bool("DeletionProtectionEnabled") ?? false,
            onDemand: request.onDemand, warm: request.initialWarmThroughput, warmSent: request.warm != nil, tags: tags,
            resourcePolicy: request.input.string("ResourcePolicy"))
    }
}
