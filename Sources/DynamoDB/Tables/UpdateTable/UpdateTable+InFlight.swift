import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// ResourceInUse and one-online-index checks against what is already in flight on the table. Admission is per
/// member, not per state (observed DynamoDB behaviour, 2026): the text depends on what is changing and what is asked.
extension DynamoDBService {
    func checkNothingInFlight(_ request: UpdateTableRequest, _ table: Table, now: Date) throws(AWSServiceError) {
        switch table.status(at: now) {
        case .creating: throw DynamoDBError.tableBeingCreated(table.name)
        case .deleting: throw DynamoDBError.tableBeingDeleted(table.name)
        case .updating: throw Self.updateInFlightError(request, table, now: now)
        case .active: break
        }
        // While an index backfills (TableStatus ACTIVE) table throughput and deleting that index are admitted,
        // but no other index may be created or deleted until it is ACTIVE (observed on AWS, 2026).
        let busy = table.globalIndexes.filter { [.creating, .deleting].contains($0.status(at: now)) }.map(\.name)
        let deleted = request.deletedIndexNames
        if request.onlineIndexChanges > 0, busy.contains(where: { !deleted.contains($0) }) {
            throw DynamoDBError.oneOnlineIndexAtATime
        }
        if request.has(.encryption), let until = table.sse?.updatingUntil, now < until {
            throw DynamoDBError.sseInFlight
        }
    }

    /// The error for an UpdateTable on an UPDATING table: it names the change in flight where AWS does.
    private static func updateInFlightError(_ request: UpdateTableRequest, _ table: Table, now: Date) -> AWSServiceError {
        let building = table.globalIndexes.filter { $0.status(at: now) == .creating }.map(\.name)
        switch table.updateKind {
        case .throughput:
            return request.has(.stream)
                ? DynamoDBError.streamDuringThroughput(table.name) : DynamoDBError.throughputInFlight(table.name)
        case .streamEnable(let label):
            return streamInFlightError(request, table, label: label, operation: "ENABLE")
        case .streamDisable(let label):
            return streamInFlightError(request, table, label: label, operation: "DISABLE")
        case .billing where request.has(.onDemandThroughput):
            return DynamoDBError.onDemandDuringBillingSwitch
        case .billing where request.has(.provisionedThroughput):
            // Observed on AWS (2026): reversing a PROVISIONED -> PAY_PER_REQUEST switch (it carries PT).
            return DynamoDBError.throughputInFlight(table.name)
        case .tableClass(let pending) where request.has(.tableClass):
            return DynamoDBError.tableClassInFlight(table.name, pending.rawValue)
        // An index in its resource-allocation phase (observed on AWS, 2026): table throughput and deleting
        // it are ResourceInUse, another index creation or deletion is the one-online-index limit.
        case .index where request.has(.provisionedThroughput) && !building.isEmpty:
            return DynamoDBError.throughputDuringIndexCreation(table.name, building)
        case .index where request.onlineIndexChanges > 0:
            if let name = building.first(where: request.deletedIndexNames.contains) {
                return DynamoDBError.indexInAllocation(table.name, name)
            }
            return DynamoDBError.oneOnlineIndexAtATime
        default:
            return DynamoDBError.tableBeingUpdated(table.name)
        }
    }

    private static func streamInFlightError(
        _ request: UpdateTableRequest, _ table: Table, label: String, operation: String
    ) -> AWSServiceError {
        request.has(.provisionedThroughput)
            ? DynamoDBError.throughputDuringStream(table.name, label: label, operation: operation)
            : DynamoDBError.streamInFlight(table.name, label: label, operation: operation)
    }
}
