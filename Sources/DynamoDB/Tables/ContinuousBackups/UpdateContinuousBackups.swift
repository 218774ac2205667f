import AWSProtocol

/// UpdateContinuousBackups: turns point-in-time recovery on (1–35 days, default 35) or off.
extension DynamoDBService {
    func updateContinuousBackups(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError)
        -> JSONValue
    {
        var validator = CoralValidator()
        let reference = try Self.tableReference(input, &validator, context)
        let spec = input.reader("PointInTimeRecoverySpecification")
        if validator.notNull(spec != nil, at: "pointInTimeRecoverySpecification"), let spec {
            validator.notNull(
                spec.has("PointInTimeRecoveryEnabled"), at: "pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled")
            if let days = spec.long("RecoveryPeriodInDays") {
                validator.range(days, at: "pointInTimeRecoverySpecification.recoveryPeriodInDays", min: 1, max: 35)
            }
        }
        if let error = validator.error { throw error }
        guard tableExists(reference, context) else {
            throw DynamoDBError.backupTableNotFound(reference.shown)
        }
        var table = try existingTable(reference, context)
        let enabled = spec?.bool("PointInTimeRecoveryEnabled") ?? false
        if !enabled && spec?.has("RecoveryPeriodInDays") == true { throw DynamoDBError.recoveryPeriodWhenDisabling }
        if table.status(at: context.now) == .creating { throw DynamoDBError.backupsBeingEnabled(table.name) }
        let days = Int(spec?.long("RecoveryPeriodInDays") ?? 35)
        if enabled {
            let since = table.pointInTimeRecovery.flatMap { $0.enabled ? $0.since : nil } ?? context.now
            table.pointInTimeRecovery = (true, days, since)
        } else {
            table.pointInTimeRecovery = nil
        }
        store(table, context)
        return ["ContinuousBackupsDescription": table.continuousBackupsDescription(now: context.now)]
    }
}
