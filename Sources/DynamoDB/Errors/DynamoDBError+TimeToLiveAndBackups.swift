import AWSProtocol

/// TimeToLive and continuous-backup texts (Unverified unless a comment says observed).
extension DynamoDBError {
    static let ttlAlreadyEnabled = AWSServiceError.validation("TimeToLive is already enabled")
    static let ttlAlreadyDisabled = AWSServiceError.validation("TimeToLive is already disabled")
    /// UpdateTimeToLive on a CREATING table: note "Table <name> is being created", unlike the table operations'
    /// "Table is being created: <name>" (observed on AWS, 2026).
    static func ttlTableBeingCreated(_ name: String) -> AWSServiceError {
        resourceInUse(inUse + "Table \(name) is being created")
    }
    /// DescribeTimeToLive on a CREATING or DELETING table (observed on AWS, 2026).
    static func ttlDescribeWhile(_ state: String) -> AWSServiceError {
        .validation("Cannot describe time to live while table is in \(state) state: Current table state is \(state)")
    }
    /// UpdateContinuousBackups: a recovery period with PITR off, and a table still being created (observed on AWS, 2026).
    static let recoveryPeriodWhenDisabling = AWSServiceError.validation(
        "Invalid Request: Cannot specify RecoveryPeriodInDays when disabling point-in-time recovery.")
    static func backupsBeingEnabled(_ name: String) -> AWSServiceError {
        service("ContinuousBackupsUnavailableException", "Backups are being enabled for the table: \(name). Please retry later")
    }
    /// Enabling another attribute, or disabling with another name, while TTL is on (observed on AWS, 2026).
    static func ttlOnDifferentAttribute(_ current: String) -> AWSServiceError {
        .validation("TimeToLive is active on a different AttributeName: current AttributeName is \(current)")
    }
    static func backupTableNotFound(_ name: String) -> AWSServiceError {
        service("TableNotFoundException", "Table not found: \(name)")
    }
}
