extension ServiceTarget.Service {
    /// Member names whose values are timestamps in the service's API: every member of a `timestamp` shape in
    /// the service's botocore model (`dynamodb`, `dynamodbstreams`, `cloudtrail` `service-2.json`), plus the
    /// reserved-capacity `StartTime` (our proposal's shape; the name is also a DynamoDB timestamp member).
    /// A record writes them as dates, not epoch numbers (see `CloudTrailPayload.recordDates`).
    public var timestampMembers: Set<String> {
        switch self {
        case .dynamoDB:
            [
                "ArchivalDateTime", "BackupCreationDateTime", "BackupExpiryDateTime", "CreationDateTime",
                "EarliestRestorableDateTime", "EndTime", "ExportFromTime", "ExportTime", "ExportToTime",
                "InaccessibleEncryptionDateTime", "LastDecreaseDateTime", "LastIncreaseDateTime", "LastUpdateDateTime",
                "LastUpdateToPayPerRequestDateTime", "LatestRestorableDateTime", "ReplicaInaccessibleDateTime",
                "RestoreDateTime", "StartTime", "TableCreationDateTime", "TimeRangeLowerBound", "TimeRangeUpperBound",
            ]
        case .dynamoDBStreams:
            ["ApproximateCreationDateTime", "CreationRequestDateTime"]
        case .cloudTrail:
            [
                "CreatedTimestamp", "CreationTime", "EndEventTime", "EndTime", "EventTime", "LastUpdatedTime",
                "LatestCloudWatchLogsDeliveryTime", "LatestDeliveryTime", "LatestDigestDeliveryTime",
                "LatestIngestionAttemptTime", "LatestIngestionSuccessTime", "LatestNotificationTime", "StartEventTime",
                "StartLoggingTime", "StartTime", "StopLoggingTime", "UpdatedTimestamp", "ValidityEndTime",
                "ValidityStartTime",
            ]
        }
    }
}
