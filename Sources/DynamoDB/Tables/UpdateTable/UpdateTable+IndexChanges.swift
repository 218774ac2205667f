#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Applying GlobalSecondaryIndexUpdates: updated indexes go UPDATING, deleted ones DELETING, a created one
/// CREATING (resource allocation until the table's update ends, then backfilling).
extension TableUpdate {
    /// New attribute definitions sent with index updates join the table's (the unused ones are pruned after).
    mutating func applyAttributeDefinitions(_ request: UpdateTableRequest) {
        guard let definitions = request.attributeDefinitions, request.has(.indexUpdates), !definitions.isEmpty else {
            return
        }
        for definition in definitions where !table.attributeDefinitions.contains(where: { $0.name == definition.name }) {
            table.attributeDefinitions.append(KeyElement(definition))
        }
    }

    mutating func applyIndexUpdates(_ updates: [GlobalSecondaryIndexUpdate], _ billing: BillingChange, createSeconds: Double) {
        for element in updates {
            let name = element.indexName ?? ""
            if let update = element.update, let position = table.globalIndexPosition(name) {
                applyIndexUpdate(update, at: position, billing)
                indexStatuses[name] = .updating
                if table.updateKind == .other { table.updateKind = .index }
            } else if element.delete != nil, let position = table.globalIndexPosition(name) {
                table.globalIndexes[position].deletingUntil = until
                indexStatuses[name] = .deleting
                table.updateKind = .index
            } else if let create = element.create {
                let activeAt = until.addingTimeInterval(createSeconds)
                table.globalIndexes.append(GlobalIndex(create, createdOnline: true, activeAt: activeAt, backfillFrom: until))
                indexStatuses[name] = .creating
                table.updateKind = .index
            }
        }
        if !updates.isEmpty { table.pruneAttributeDefinitions() }
    }

    private mutating func applyIndexUpdate(
        _ update: GlobalSecondaryIndexUpdate.Update, at position: Int, _ billing: BillingChange
    ) {
        var index = table.globalIndexes[position]
        if let requested = update.throughput, let read = requested.read, let write = requested.write {
            if billing.switchesToProvisioned {
                index.throughput.read = read
                index.throughput.write = write
            } else {
                index.throughput.noteChange(toRead: read, write: write, now: now)
                index.pendingThroughput = PendingThroughput(read: read, write: write, at: until)
            }
        }
        if let onDemand = update.onDemand { index.onDemand = index.onDemand.map { $0.merged(with: onDemand) } ?? onDemand }
        if let warm = update.warm { index.warm = (warm.read ?? 0, warm.write ?? 0) }
        index.updatingUntil = until
        table.globalIndexes[position] = index
    }
}
