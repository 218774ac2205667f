import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Whether Query and Scan may read a secondary index now: local indexes always; a global index once it is
/// ACTIVE (or UPDATING); one still CREATING (allocating resources or backfilling after UpdateTable, or with a
/// table still CREATING) is refused as DynamoDB refuses it ("Managing Global Secondary Indexes", Amazon
/// DynamoDB Developer Guide: "you can't query or scan the index until it is ACTIVE" in substance).
extension Table {
    /// Nil when `indexName` can be read at `now`; otherwise the error DynamoDB answers.
    func indexReadError(_ indexName: String, at now: Date) -> AWSServiceError? {
        if hasLocalIndex(indexName) { return nil }
        guard let position = globalIndexPosition(indexName) else { return DynamoDBError.indexToReadNotFound(indexName) }
        let index = globalIndexes[position]
        if status(at: now) == .creating { return DynamoDBError.readFromBackfillingIndex(indexName) }
        return index.readError(at: now)
    }
}

extension GlobalIndex {
    /// True while Query and Scan may read the index (ACTIVE, or UPDATING its throughput).
    func isReadable(at now: Date) -> Bool { readError(at: now) == nil }

    /// Nil when the index can be read at `now`; otherwise the error DynamoDB answers.
    func readError(at now: Date) -> AWSServiceError? {
        switch status(at: now) {
        case .active, .updating: return nil
        case .creating: return DynamoDBError.readFromBackfillingIndex(name)
        case .deleting: return DynamoDBError.indexToReadNotFound(name)
        }
    }
}
