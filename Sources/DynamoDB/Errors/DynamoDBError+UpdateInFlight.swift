import AWSProtocol

/// UpdateTable's ResourceInUseException texts for a change already in flight, and the deletion-protection
/// admission and cool-down texts (observed on DynamoDB, 2026).
extension DynamoDBError {
    static func throughputInFlight(_ table: String) -> AWSServiceError {
        resourceInUse(inUse + "Table IOPS are currently being updated. Table: \(table)")
    }
    static func streamInFlight(_ table: String, label: String, operation: String) -> AWSServiceError {
        resourceInUse(
            inUse + "A stream status change is currently in progress. Table: \(table) Stream: \(label) Operation: \(operation)")
    }
    static func throughputDuringStream(_ table: String, label: String, operation: String) -> AWSServiceError {
        resourceInUse(
            inUse
                + "Can't change table IOPS when stream status is being updated. Table: \(table) Stream: \(label) Operation: \(operation)"
        )
    }
    static func streamDuringThroughput(_ table: String) -> AWSServiceError {
        resourceInUse(inUse + "Can't enable or disable stream while table IOPS are being updated. Table: \(table)")
    }
    static func tableClassInFlight(_ table: String, _ tableClass: String) -> AWSServiceError {
        resourceInUse(
            inUse
                + "Can't update table class when a table class update is in progress. Table: \(table) TableClassUpdateInProgress: \(tableClass)"
        )
    }
    static func throughputDuringIndexCreation(_ table: String, _ indexes: [String]) -> AWSServiceError {
        resourceInUse(
            inUse + "Can't change table IOPS when an index is being created. Table: \(table) Indexes: [\(indexes.joined(separator: ", "))]")
    }
    static func indexInAllocation(_ table: String, _ index: String) -> AWSServiceError {
        resourceInUse(
            inUse
                + "Index creation is in resource allocation phase. Retry deletion during backfilling phase or when the index is active. Table: \(table) Index: \(index)"
        )
    }
    static func indexBeingDeleted(_ table: String, _ index: String) -> AWSServiceError {
        resourceInUse(inUse + "Index is being deleted. Table: \(table) Index: \(index)")
    }
    static let onDemandDuringBillingSwitch = resourceInUse(
        inUse + "OnDemandThroughput cannot be updated while BillingMode update is in progress")
    /// Observed on DynamoDB in 2019: an index update with capacity above 1e12 on a missing index.
    static let indexUpdateBlocked = AWSServiceError.validation(
        "This operation cannot be performed with given input values. Please contact DynamoDB service team for more info: Action Blocked: IndexUpdate"
    )
    static let sseInFlight = resourceInUse(inUse + "Server-Side Encryption is still being updated")
    static let deletionProtectionNeedsActive = resourceInUse(
        "Table needs to be in ACTIVE status to modify deletion protection setting.")
    static func deletionProtectionCooldown(_ table: String, retryAfter: String) -> AWSServiceError {
        AWSServiceError(
            type: "com.amazon.coral.availability#ThrottlingException",
            message:
                "Deletion protection setting for table \(table) modified within the previous 15000 milliseconds. Please try again after \(retryAfter)"
        )
    }
}
