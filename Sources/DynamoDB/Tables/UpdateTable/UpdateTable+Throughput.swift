import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Billing mode and the table's provisioned throughput: what may be sent for the target mode, "will not change",
/// the account's per-table maximum and the daily decrease budget (observed DynamoDB behaviour, 2019 and 2026;
/// AWS: "Considerations when switching capacity modes in DynamoDB",
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/switching.capacitymode.html).
extension UpdateTableRequest {
    /// The billing mode before and after; checks the throughput members the target mode requires or forbids.
    func checkBillingMode(_ table: Table) throws(AWSServiceError) -> BillingChange {
        let billing = BillingChange(current: table.billingMode, target: billingMode ?? table.billingMode)
        if billing.target == .payPerRequest && has(.provisionedThroughput) { throw DynamoDBError.provisionedForbidden }
        // Refused on PROVISIONED tables too (observed on AWS, 2026: "BillingMode=PROVISIONED alone").
        if billingMode == .provisioned && !has(.provisionedThroughput) {
            throw DynamoDBError.throughputRequiredForProvisioned
        }
        if billing.switchesToProvisioned {
            let covered = Set(indexUpdates.compactMap { $0.update?.throughput != nil ? $0.update?.indexName : nil })
            let missing = table.globalIndexes.filter { $0.deletingUntil == nil && !covered.contains($0.name) }.map(\.name)
            if !missing.isEmpty { throw DynamoDBError.indexThroughputRequired(missing) }
        }
        return billing
    }
}

extension DynamoDBService {
    /// New table capacity: not equal to the current one, within the account's maximum and the decrease budget.
    func checkTableThroughput(
        _ request: UpdateTableRequest, _ table: Table, _ billing: BillingChange, _ context: RequestContext
    ) throws(AWSServiceError) {
        guard let throughput = request.throughput, let read = throughput.read, let write = throughput.write,
            billing.target == .provisioned
        else { return }
        let current = table.throughput
        let wasProvisioned = billing.current == .provisioned
        if wasProvisioned && current.read == read && current.write == write {
            throw DynamoDBError.throughputWillNotChange(
                index: nil, currentRead: current.read, requestedRead: read, currentWrite: current.write,
                requestedWrite: write)
        }
        try checkTableMaximum(throughput, context)
        if wasProvisioned && (read < current.read || write < current.write) {
            try Self.checkDecreaseBudget(current, context.now)
        }
    }
}

extension TableUpdate {
    /// A switch to PAY_PER_REQUEST puts every index in UPDATING and raises warm throughput to the on-demand
    /// baseline; a switch to PROVISIONED drops the on-demand limits and keeps the indexes' warm throughput.
    mutating func applyBillingMode(_ billingMode: BillingMode?, _ billing: BillingChange) {
        guard billingMode != nil else { return }
        if billing.switchesToPayPerRequest {
            table.billingMode = .payPerRequest
            table.showsBillingSummary = true
            table.lastUpdateToPayPerRequest = now
            table.warm = (max(table.warm.read, 12_000), max(table.warm.write, 4_000))
            for i in table.globalIndexes.indices {
                table.globalIndexes[i].updatingUntil = until
                indexStatuses[table.globalIndexes[i].name] = .updating
            }
        } else if billing.switchesToProvisioned {
            table.billingMode = .provisioned
            table.onDemand = nil
            // Warm throughput is how far a table or index has scaled ("Understanding DynamoDB warm throughput",
            // warm-throughput.html), so each index keeps its on-demand baseline, as the table does. Unverified: that
            // the indexes' on-demand limits go with the table's (a PROVISIONED table refuses them on CreateTable).
            for i in table.globalIndexes.indices {
                let warm = table.globalIndexes[i].warm ?? (0, 0)
                table.globalIndexes[i].warm = (max(warm.read, 12_000), max(warm.write, 4_000))
                table.globalIndexes[i].onDemand = nil
            }
        }
        table.updateKind = .billing
    }

    /// New capacity is taken at once when switching to PROVISIONED, else when UPDATING ends.
    mutating func applyThroughput(_ throughput: ThroughputInput?, _ billing: BillingChange) {
        guard let throughput, let read = throughput.read, let write = throughput.write else { return }
        if billing.switchesToProvisioned {
            table.throughput.read = read
            table.throughput.write = write
        } else {
            table.throughput.noteChange(toRead: read, write: write, now: now)
            table.pendingThroughput = PendingThroughput(read: read, write: write, at: until)
            table.updateKind = .throughput
        }
        table.warm = (max(table.warm.read, read), max(table.warm.write, write))
    }
}
