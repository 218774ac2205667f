import AWSProtocol

/// OnDemandThroughput (PAY_PER_REQUEST tables only; `-1` clears a limit) and WarmThroughput (never lowered; its
/// Status shows UPDATING while TableStatus stays ACTIVE) on UpdateTable (observed DynamoDB behaviour, 2026; AWS:
/// "Understanding DynamoDB warm throughput",
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput.html).
extension UpdateTableRequest {
    func checkOnDemandAndWarm(_ table: Table, _ billing: BillingChange) throws(AWSServiceError) {
        if let onDemand {
            if billing.target != .payPerRequest { throw DynamoDBError.onDemandOnProvisioned }
            try TableInputs.checkOnDemand(onDemand, allowClear: true)
        }
        if let warm {
            if let read = warm.read, read < table.warm.read { throw DynamoDBError.warmDecrease("ReadUnitsPerSecond") }
            if let write = warm.write, write < table.warm.write {
                throw DynamoDBError.warmDecrease("WriteUnitsPerSecond")
            }
        }
    }
}

extension TableUpdate {
    mutating func applyOnDemand(_ onDemand: OnDemandLimits) {
        table.onDemand = table.onDemand.map { $0.merged(with: onDemand) } ?? onDemand
    }

    mutating func applyWarmThroughput(_ warm: ThroughputInput) {
        table.warm = (warm.read ?? table.warm.read, warm.write ?? table.warm.write)
        table.warmSent = true
        table.warmUpdatingUntil = until
        tableGoesUpdating = false
    }
}
