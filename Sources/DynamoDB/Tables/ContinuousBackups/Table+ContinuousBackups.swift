import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// ContinuousBackupsDescription, shared by DescribeContinuousBackups and UpdateContinuousBackups.
extension Table {
    /// Backups ENABLED; point-in-time recovery as last set (DISABLED by default).
    func continuousBackupsDescription(now: Date) -> JSONValue {
        var recovery = JSONObject()
        if let pointInTime = pointInTimeRecovery, pointInTime.enabled {
            recovery.append("PointInTimeRecoveryStatus", .string("ENABLED"))
            recovery.append("RecoveryPeriodInDays", .int(pointInTime.days))
            let window = Double(pointInTime.days) * 86_400
            let earliest = max(pointInTime.since, now.addingTimeInterval(-window))
            recovery.append("EarliestRestorableDateTime", .epochSeconds(earliest))
            // AWS restores up to five minutes before now, never before PITR was enabled (observed in 2026).
            recovery.append("LatestRestorableDateTime", .epochSeconds(max(pointInTime.since, now.addingTimeInterval(-300))))
        } else {
            recovery.append("PointInTimeRecoveryStatus", .string("DISABLED"))
        }
        var description = JSONObject()
        description.append("ContinuousBackupsStatus", .string("ENABLED"))
        description.append("PointInTimeRecoveryDescription", .object(recovery))
        return .object(description)
    }
}
