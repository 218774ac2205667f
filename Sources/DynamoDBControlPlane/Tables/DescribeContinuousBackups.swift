import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// DescribeContinuousBackups: backups ENABLED, point-in-time recovery as last set (DISABLED by default).
extension DynamoDBControlPlane {
    func describeContinuousBackups(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError)
        -> JSONValue
    {
        var validator = CoralValidator()
        let reference = try Self.tableReference(input, &validator, context)
        if let error = validator.error { throw error }
        guard tableExists(reference, context) else {
            throw ControlPlaneError.backupTableNotFound(reference.shown)
        }
        let table = try existingTable(reference, context)
        return ["ContinuousBackupsDescription": Self.continuousBackups(table, context.now)]
    }

    static func continuousBackups(_ table: Table, _ now: Date) -> JSONValue {
        var recovery = JSONObject()
        if let pitr = table.pointInTimeRecovery, pitr.enabled {
            recovery.append("PointInTimeRecoveryStatus", .string("ENABLED"))
            recovery.append("RecoveryPeriodInDays", .int(pitr.days))
            let window = Double(pitr.days) * 86_400
            let earliest = max(pitr.since, now.addingTimeInterval(-window))
            recovery.append("EarliestRestorableDateTime", .epochSeconds(earliest))
            // AWS restores up to five minutes before now, never before PITR was enabled (observed in 2026).
            recovery.append("LatestRestorableDateTime", .epochSeconds(max(pitr.since, now.addingTimeInterval(-300))))
        } else {
            recovery.append("PointInTimeRecoveryStatus", .string("DISABLED"))
        }
        var description = JSONObject()
        description.append("ContinuousBackupsStatus", .string("ENABLED"))
        description.append("PointInTimeRecoveryDescription", .object(recovery))
        return .object(description)
    }
}
