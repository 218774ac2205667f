import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// DeletionProtectionEnabled on UpdateTable: alone, synchronous (the response is ACTIVE), admitted while the
/// table is UPDATING, with a cool-down between changes (observed DynamoDB behaviour, 2026; AWS: "Using deletion
/// protection",
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection).
extension DynamoDBService {
    func updateDeletionProtection(_ table: inout Table, _ enabled: Bool, _ context: RequestContext)
        throws(AWSServiceError) -> JSONValue
    {
        let status = table.status(at: context.now)
        if status != .active && status != .updating { throw DynamoDBError.deletionProtectionNeedsActive }
        let cooldown = settings.deletionProtectionCooldownSeconds
        if cooldown > 0, let last = table.deletionProtectionChangedAt, context.now.timeIntervalSince(last) < cooldown {
            throw DynamoDBError.deletionProtectionCooldown(
                table.name, retryAfter: Self.javaDate(last.addingTimeInterval(cooldown)))
        }
        table.deletionProtection = enabled
        table.deletionProtectionChangedAt = context.now
        store(table, context)
        return ["TableDescription": withItemStatistics(table.description(now: context.now, form: .full), of: table, context)]
    }
}
