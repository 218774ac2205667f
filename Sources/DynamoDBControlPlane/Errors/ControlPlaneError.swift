import AWSProtocol

/// Every error text the control plane answers, in one place. Texts are verbatim from the reference
/// (`shared/reference/dynamodb-api.md` §3) unless a comment says they are Unverified or PROPOSAL.
enum ControlPlaneError {
    static let namespace = "com.amazonaws.dynamodb.v20120810#"
    static let invalid = "One or more parameter values were invalid: "
    static let inUse = "Attempt to change a resource which is still in use: "

    static func service(_ name: String, _ message: String) -> AWSServiceError {
        AWSServiceError(type: namespace + name, message: message)
    }
    static func resourceNotFound(_ message: String) -> AWSServiceError { service("ResourceNotFoundException", message) }
    static func resourceInUse(_ message: String) -> AWSServiceError { service("ResourceInUseException", message) }
    static func limitExceeded(_ message: String) -> AWSServiceError { service("LimitExceededException", message) }
    /// "One or more parameter values were invalid: …"
    static func invalidParameter(_ detail: String) -> AWSServiceError { .validation(invalid + detail) }

    // MARK: Common

    static func missingParameter(_ name: String) -> AWSServiceError {
        .validation("The parameter '\(name)' is required but was not present in the request")
    }
    static func tableNotFound(_ name: String) -> AWSServiceError {
        resourceNotFound("Requested resource not found: Table: \(name) not found")
    }
    static func invalidArn(_ part: String, _ arn: String) -> AWSServiceError {
        .validation("1 validation error detected: Invalid AWS \(part) in '\(arn)'")
    }
    /// An ARN of another account (observed on AWS, 2026, for DescribeTable and the tag APIs). Unverified: the
    /// namespace; Coral's front-end one is assumed, as for the other authorization errors.
    static let accessDenied = AWSServiceError.coral("AccessDeniedException", "Access is denied")
    static func tableBeingCreated(_ name: String) -> AWSServiceError {
        resourceInUse(inUse + "Table is being created: \(name)")
    }
    static func tableBeingDeleted(_ name: String) -> AWSServiceError {
        resourceInUse(inUse + "Table is being deleted: \(name)")
    }
    static func tableBeingUpdated(_ name: String) -> AWSServiceError {
        resourceInUse(inUse + "Table: \(name) is in the process of being updated.")
    }
    static func capacityOutOfBounds(_ value: Int64, _ member: String) -> AWSServiceError {
        .validation("Given value \(value) for \(member) is out of bounds")
    }
    static func aboveTableMaximum(_ member: String, _ value: Int64, region: String, maximum: Int64) -> AWSServiceError {
        limitExceeded(
            "The requested \(member), \(value), is above the per table maximum for the account in \(region). Per table maximum: \(maximum)."
        )
    }
    static func aboveIndexMaximum(_ member: String, index: String, _ value: Int64, region: String, maximum: Int64)
        -> AWSServiceError
    {
        // The index variant is given in the reference only as "…for index <IDX>, N, is above the per index maximum…".
        limitExceeded(
            "The requested \(member) for index \(index), \(value), is above the per index maximum for the account in \(region). Per index maximum: \(maximum)."
        )
    }

    // MARK: CreateTable

    static func tableAlreadyExists(_ name: String) -> AWSServiceError { resourceInUse("Table already exists: \(name)") }
    /// Historical text (2026 text not captured, §3.3); the number is the configured quota.
    static func tableQuota(_ limit: Int) -> AWSServiceError {
        limitExceeded("Subscriber limit exceeded: There is a limit of \(limit) tables per subscriber")
    }
    /// Historical text (§5.1); the number is the configured quota.
    static func concurrentOperations(_ limit: Int) -> AWSServiceError {
        limitExceeded("Subscriber limit exceeded: Only \(limit) tables can be created, updated, or deleted simultaneously")
    }
    static let provisionedRequired = invalidParameter(
        "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
    static let provisionedForbidden = invalidParameter(
        "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")
    static let keyWithoutDefinition = AWSServiceError.validation(
        "Invalid KeySchema: Some index key attribute have no definition")
    static func keysNotDefined(_ keys: [String], _ definitions: [String]) -> AWSServiceError {
        invalidParameter(
            "Some index key attributes are not defined in AttributeDefinitions. Keys: [\(keys.joined(separator: ", "))], AttributeDefinitions: [\(definitions.joined(separator: ", "))]"
        )
    }
    static let hashAndRangeSameName = AWSServiceError.validation(
        "Both the Hash Key and the Range Key element in the KeySchema have the same name")
    static let firstNotHash = AWSServiceError.validation(
        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type")
    static let secondNotRange = AWSServiceError.validation(
        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type")
    static let attributeCountMismatch = invalidParameter(
        "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions")
    static func unusedAttributeDefinitions(_ definitions: [String], _ used: [String]) -> AWSServiceError {
        invalidParameter(
            "Some AttributeDefinitions are not used. AttributeDefinitions: [\(definitions.joined(separator: ", "))], keys used: [\(used.joined(separator: ", "))]"
        )
    }
    static func duplicateAttribute(_ name: String) -> AWSServiceError {
        .validation("Attribute Name is duplicated: \(name)")
    }
    static let emptyLocalIndexes = invalidParameter("List of LocalSecondaryIndexes is empty")
    static let emptyGlobalIndexes = invalidParameter("List of GlobalSecondaryIndexes is empty")
    static let localIndexNeedsTableRange = invalidParameter(
        "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex")
    static func indexWithoutRange(_ index: String) -> AWSServiceError {
        invalidParameter("Index KeySchema does not have a range key for index: \(index)")
    }
    static func indexHashDiffers(_ index: String, indexHash: String, tableHash: String) -> AWSServiceError {
        invalidParameter(
            "Index KeySchema does not have the same leading hash key as table KeySchema for index: \(index). index hash key: \(indexHash), table hash key: \(tableHash)"
        )
    }
    static let tooManyLocalIndexes = invalidParameter("Number of LocalSecondaryIndexes exceeds per-table limit of 5")
    static func tooManyGlobalIndexes(_ limit: Int) -> AWSServiceError {
        invalidParameter("GlobalSecondaryIndex count exceeds the per-table limit of \(limit)")
    }
    static func duplicateIndexName(_ name: String) -> AWSServiceError { invalidParameter("Duplicate index name: \(name)") }
    static let unknownProjectionType = invalidParameter("Unknown ProjectionType: null")
    static func nonKeyAttributesNotAllowed(_ type: String) -> AWSServiceError {
        invalidParameter("ProjectionType is \(type), but NonKeyAttributes is specified")
    }
    static let nonKeyAttributesRequired = invalidParameter(
        "ProjectionType is INCLUDE, but NonKeyAttributes is not specified")
    static func duplicateNonKeyAttribute(_ name: String) -> AWSServiceError {
        invalidParameter("Duplicate element in NonKeyAttributes: \(name)")
    }
    /// Unverified: the per-table limit of 100 projected attributes is documented; this text is not captured.
    static let tooManyProjectedAttributes = invalidParameter(
        "The number of projected attributes in all indexes of the table exceeds the limit of 100")
    /// Unverified: multi-attribute GSI keys (2025+) allow 4 HASH + 4 RANGE; this text is not captured.
    static func tooManyKeyAttributes(_ index: String) -> AWSServiceError {
        invalidParameter("Index KeySchema exceeds 4 partition key or 4 sort key attributes for index: \(index)")
    }
    static func indexThroughputMissing(_ index: String) -> AWSServiceError {
        invalidParameter("ProvisionedThroughput is not specified for index: \(index)")
    }
    static func indexThroughputForbidden(_ index: String) -> AWSServiceError {
        invalidParameter("ProvisionedThroughput should not be specified for index: \(index) when BillingMode is PAY_PER_REQUEST")
    }
    static let createStreamNeedsViewType = invalidParameter(
        "Table is being created with a stream enabled, UpdateViewType is required")
    static let createStreamForbidsViewType = invalidParameter(
        "Table is being created with a stream disabled, UpdateViewType should not be specified")
    static let invalidTableClass = AWSServiceError.validation(
        "Invalid table-class parameter provided. Please try again with a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS]."
    )
    static let sseTypeWithoutEnabled = invalidParameter("SSEType can not be specified if Enabled is false")
    static let kmsKeyWithoutEnabled = invalidParameter("KMSMasterKeyId can not be specified if Enabled is false")
    static let kmsKeyNeedsKMSType = invalidParameter("SSEType KMS is required if KMSMasterKeyId is specified")
    static let aes256NotSupported = invalidParameter("SSEType AES256 is not supported")
    static let tagKeyNull = AWSServiceError.validation("The Tag Key provided is invalid, Key: null")
    static let tagValueNull = AWSServiceError.validation("The Tag Value provided is invalid, Value: null")
    /// Unverified: length violations reuse the null-key wording with the key shown.
    static func tagKeyInvalid(_ key: String) -> AWSServiceError {
        .validation("The Tag Key provided is invalid, Key: \(key)")
    }
    static func tagValueInvalid(_ value: String) -> AWSServiceError {
        .validation("The Tag Value provided is invalid, Value: \(value)")
    }
    static func tagKeyAwsPrefix(_ key: String) -> AWSServiceError {
        .validation("Tag Key cannot be prefixed with aws:, Key: \(key)")
    }
    static func duplicateTagKey(_ key: String) -> AWSServiceError {
        .validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found \(key)")
    }
    static let tooManyTags = AWSServiceError.validation("Number of Tags exceed the current limit for the provided ResourceArn")
    static let invalidPolicy = invalidParameter("Invalid policy document: This policy contains invalid Json")
    static let onDemandOnProvisioned = invalidParameter(
        "MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED")
    static func onDemandOutOfRange(_ member: String) -> AWSServiceError {
        invalidParameter("Requested \(member) for OnDemandThroughput for table is outside of valid range")
    }
    static func warmBelowProvisioned(_ member: String, _ capacity: String) -> AWSServiceError {
        invalidParameter(
            "Requested \(member) for WarmThroughput for table is lower than \(capacity) of ProvisionedThroughput")
    }
    static func warmDecrease(_ member: String) -> AWSServiceError {
        invalidParameter(
            "Requested \(member) for WarmThroughput for table is lower than current WarmThroughput, decreasing WarmThroughput is not supported"
        )
    }

    // MARK: DeleteTable

    static let deletionProtected = AWSServiceError.validation(
        "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.")
    static let deleteWhileIndexesChange = resourceInUse(
        inUse + "Cannot delete table while indexes are being created, updated, or deleted.")
    static let deleteWhileStreamToggles = resourceInUse(
        inUse + "Cannot delete table while stream is being enabled/disabled.")

    // MARK: UpdateTable

    static let updatableMembers = [
        "ProvisionedThroughput", "BillingMode", "UpdateStreamEnabled", "GlobalSecondaryIndexUpdates", "SSESpecification",
        "ReplicaUpdates", "MultiAccountReplicaReady", "ReplicaTransitRoleArn", "MultiRegionConsistency",
        "DeletionProtectionEnabled", "OnDemandThroughput", "WarmThroughput", "TableClass",
    ]
    /// The 2026 "nothing to update" text; members already present in the request are left out of it.
    static func nothingToUpdate(excluding present: Set<String>) -> AWSServiceError {
        let names = updatableMembers.filter { !present.contains($0) }
        let list: String
        if names.count > 1 {
            list = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        } else {
            list = names.first ?? ""
        }
        return .validation("At least one of \(list) is required")
    }
    static func throughputWillNotChange(
        index: String?, currentRead: Int64, requestedRead: Int64, currentWrite: Int64, requestedWrite: Int64
    ) -> AWSServiceError {
        let subject = index.map { "index \($0)" } ?? "table"
        return .validation(
            "The provisioned throughput for the \(subject) will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the \(subject): \(currentRead). Requested ReadCapacityUnits: \(requestedRead). Current WriteCapacityUnits provisioned for the \(subject): \(currentWrite). Requested WriteCapacityUnits: \(requestedWrite). Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits."
        )
    }
    static let throughputRequiredForProvisioned = invalidParameter(
        "ProvisionedThroughput must be specified when BillingMode is PROVISIONED")
    static func indexThroughputRequired(_ indexes: [String]) -> AWSServiceError {
        invalidParameter("ProvisionedThroughput must be specified for index: \(indexes.joined(separator: ","))")
    }
    static func indexThroughputOnPayPerRequest(_ index: String) -> AWSServiceError {
        invalidParameter(
            "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: \(index) when BillingMode is PAY_PER_REQUEST")
    }
    static func onlyOnDemandOrWarmForIndex(_ index: String) -> AWSServiceError {
        invalidParameter(
            "The only Updates for index: \(index) when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput")
    }
    static let indexActionMissing = invalidParameter(
        "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null"
    )
    static let indexActionTwice = invalidParameter(
        "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object")
    static func indexUpdatedTwice(_ index: String) -> AWSServiceError {
        invalidParameter("Only one global secondary index update per index is allowed simultaneously. Index: \(index)")
    }
    static let oneOnlineIndexAtATime = limitExceeded(
        "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table")
    static func globalIndexLimit(_ limit: Int) -> AWSServiceError {
        limitExceeded("Subscriber limit exceeded: Number of global secondary indexes exceeds per-table limit of \(limit)")
    }
    static let indexAlreadyExists = AWSServiceError.validation("Attempting to create an index which already exists")
    static func notAGlobalIndex(delete: Bool, _ index: String) -> AWSServiceError {
        .validation("Cannot \(delete ? "delete" : "update") an index that is not a GlobalSecondaryIndex: \(index)")
    }
    /// Medium confidence (§3.5, §7 item 3).
    static func indexNotFound(_ index: String, table: String) -> AWSServiceError {
        resourceNotFound("Requested resource not found: Index \(index) for table \(table)")
    }
    static func indexNeedsAttributeDefinitions(_ index: String) -> AWSServiceError {
        invalidParameter("AttributeDefinitions is not specified for index: \(index)")
    }
    static let sseMustBeAlone = invalidParameter(
        "Server-Side Encryption modification must be the only operation in the request")
    static let tableClassMustBeAlone = invalidParameter("TableClass modification must be the only operation in the request")
    static let deletionProtectionMustBeAlone = invalidParameter(
        "DeletionProtection modification must be the only operation in the request")
    static let warmMustBeAlone = invalidParameter("WarmThroughput must be the only operation in the request")
    /// WarmThroughput next to a GSI Create has its own text (observed on AWS, 2026).
    static let indexCreateWithWarm = invalidParameter(
        "Create global secondary index cannot be specified when updating WarmThroughput")
    static let onDemandOnlyWithBilling = invalidParameter(
        "OnDemandThroughput can only be combined with BillingMode in an UpdateTable request")
    static let streamWithThroughput = invalidParameter("You cannot modify stream status while updating table IOPS")
    static let indexWithThroughput = invalidParameter("You cannot create or delete index while updating table IOPS")
    static let indexWithStream = invalidParameter("You cannot create or delete index while changing stream status")
    static func streamAlreadyEnabled(_ table: String) -> AWSServiceError {
        .validation("Table already has an enabled stream: TableName: \(table)")
    }
    static func noStreamToDisable(_ table: String) -> AWSServiceError {
        .validation("Table has no stream to disable: TableName: \(table)")
    }
    static let enableStreamNeedsViewType = invalidParameter(
        "If stream is being enabled then UpdateViewType is required")
    static let disableStreamForbidsViewType = invalidParameter(
        "If stream is being disabled, then UpdateViewType must not be specified")
    static let alreadyEncryptedByDefault = invalidParameter("Table is already encrypted by default")
    static let alreadyEncryptedWithKey = invalidParameter(
        "Table is already encrypted with given KMSMasterKeyId. Use KMSMasterKeyId parameter if you want to change Master Key")
    static func decreaseLimit(count: Int, last: String, next: String) -> AWSServiceError {
        limitExceeded(
            "Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the first 4 decreases, each subsequent decrease in the same UTC day can be performed at most once every 3600 seconds. Number of decreases today: \(count). Last decrease at \(last). Next decrease can be made at \(next)"
        )
    }
    static let tableClassLimit = limitExceeded("Updates to TableClass are limited to 2 times in 30 day(s).")
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
    /// 2019-era text for an index update with capacity above 1e12 on a missing index (§3.5).
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

    // MARK: Streams

    static func streamNotFound(_ arn: String) -> AWSServiceError {
        resourceNotFound("Requested resource not found: Stream: \(arn) not found")
    }
    static let invalidStreamArn = AWSServiceError.validation("Invalid StreamArn")
    /// Unverified texts for shard iterators.
    static func shardNotFound(_ shardId: String, _ arn: String) -> AWSServiceError {
        resourceNotFound("Requested resource not found: Shard: \(shardId) in Stream: \(arn) not found")
    }
    static let invalidShardIterator = AWSServiceError.validation("Invalid ShardIterator")
    static let sequenceNumberRequired = AWSServiceError.validation(
        "Sequence number must be provided when iterator type is AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER")

    // MARK: Tags, TTL, backups (texts Unverified unless noted)

    /// Observed on AWS in 2026 (dynalite-era captures spell it "ResourcArn"; AWS has since fixed the typo).
    static func resourceArnNotFound(_ arn: String) -> AWSServiceError {
        resourceNotFound("Requested resource not found: ResourceArn: \(arn) not found")
    }
    /// Empty TagResource / UntagResource lists (observed on AWS, 2026; CreateTable accepts Tags=[]).
    static let noTags = AWSServiceError.validation("Atleast one Tag needs to be provided as Input.")
    static let noTagKeys = AWSServiceError.validation("Atleast one Tag Key needs to be provided as Input.")
    /// A ResourceArn that is not an ARN at all, e.g. a bare table name (observed on AWS, 2026).
    static func resourceArnNotAnArn(_ value: String) -> AWSServiceError {
        invalidParameter("ARNs must start with 'arn:': \(value)")
    }
    /// Tag APIs: an ARN of another service, and a DynamoDB ARN that names neither a table nor a stream
    /// (e.g. an index) (observed on AWS, 2026).
    static func notDynamoDBArn(_ arn: String) -> AWSServiceError {
        invalidParameter("Provided Arn is not a DynamoDB resource arn: \(arn)")
    }
    static func onlyTableOrStreamArn(_ arn: String) -> AWSServiceError {
        invalidParameter("Invalid resource arn provided, only table or stream is accepted. Provided resource arn: \(arn)")
    }
    /// Tag APIs given another region's table ARN (observed on AWS, 2026).
    static func invalidResourceArn(_ arn: String) -> AWSServiceError {
        .validation("Invalid TableArn: Invalid ResourceArn provided as input \(arn)")
    }
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

    // MARK: Not served

    /// Item and PartiQL operations: DynamoTrail serves the control plane only. A ValidationException is the
    /// closest AWS-shaped 400 every SDK surfaces as a client error without retrying.
    static func dataPlaneNotServed(_ operation: String) -> AWSServiceError {
        .validation(
            "DynamoTrail serves the DynamoDB control plane only: \(operation) is a data-plane operation and is not supported")
    }
    static func operationNotServed(_ operation: String) -> AWSServiceError {
        .validation("DynamoTrail does not implement the DynamoDB operation \(operation)")
    }
    static func globalTablesNotServed(_ member: String) -> AWSServiceError {
        .validation("DynamoTrail does not support global tables: \(member) is not supported")
    }

    // MARK: Reserved capacity (PROPOSAL, §4.2: invented texts)

    static func offeringNotFound(_ id: String) -> AWSServiceError {
        resourceNotFound("Requested resource not found: ReservedCapacityOffering: \(id) not found")
    }
    static let capacityUnitsMultiple = invalidParameter("CapacityUnits must be a multiple of 100")
    static func reservationExists(_ id: String) -> AWSServiceError {
        resourceInUse("Reserved capacity already exists: \(id)")
    }
    static let reservedCapacityLimit = limitExceeded(
        "Subscriber limit exceeded: Reserved capacity purchases are limited to 1000000 capacity units per account")
    static let invalidNextToken = AWSServiceError.validation("Invalid NextToken")
}
