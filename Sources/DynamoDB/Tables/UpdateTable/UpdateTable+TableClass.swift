import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// TableClass on UpdateTable: two changes per 30 days; the response still shows the old class, which flips
/// when UPDATING ends (observed DynamoDB behaviour, 2026; AWS: "Table classes",
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.TableClasses.html).
extension UpdateTableRequest {
    /// What a TableClass member amounts to: absent, a change (or a counted re-send), or a free no-op.
    enum TableClassOutcome { case noTableClass, change, freeNoOp }

    /// STANDARD on a table whose class was never set is a free no-op (TableClassSummary stays absent);
    /// anything else counts against the 30-day limit.
    func checkTableClass(_ table: Table, now: Date) throws(AWSServiceError) -> TableClassOutcome {
        guard let tableClass else { return .noTableClass }
        let current = table.pendingTableClass?.tableClass ?? table.tableClass
        if current == nil && tableClass == .standard { return .freeNoOp }
        // Once two changes are spent, re-sending the current class is refused too (observed on AWS, 2026).
        let recent = table.tableClassChanges.filter { now.timeIntervalSince($0) < 30 * 86_400 }
        if recent.count >= 2 { throw DynamoDBError.tableClassLimit }
        return .change
    }
}

extension TableUpdate {
    mutating func applyTableClass(_ tableClass: TableClass) {
        if tableClass != (table.pendingTableClass?.tableClass ?? table.tableClass) {
            table.pendingTableClass = (tableClass, until)
            table.tableClassChanges.append(now)
        }
        table.updateKind = .tableClass(tableClass)
    }
}
