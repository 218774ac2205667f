import AWSProtocol

/// CreateTable's texts: capacity, attribute definitions and key schemas, secondary indexes, stream, table class,
/// SSE, resource policy, on-demand and warm throughput. Verbatim as observed on DynamoDB (2019 and 2026) unless a
/// comment says Unverified. Several are shared with UpdateTable's index creation.
extension DynamoDBError {
    static func tableAlreadyExists(_ name: String) -> AWSServiceError { resourceInUse("Table already exists: \(name)") }
    /// Text observed on DynamoDB before 2020 (the 2026 text is not captured); the number is the configured quota.
    static func tableQuota(_ limit: Int) -> AWSServiceError {
        limitExceeded("Subscriber limit exceeded: There is a limit of \(limit) tables per subscriber")
    }
    /// Text observed on DynamoDB before 2020; the number is the configured quota.
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
    /// Multi-attribute GSI keys: a HASH element after a RANGE one, and more than four of either kind. Texts as
    /// quoted from live probes in alchemy-run/alchemy#1216 (2026) for HASH; Unverified: the RANGE variant
    /// (assumed by symmetry) and whether AWS prefixes them with "Invalid KeySchema: " as it does `firstNotHash`.
    static let hashAfterRange = AWSServiceError.validation(
        "All HASH key attributes must precede RANGE key attributes in the KeySchema")
    static func tooManyKeyAttributes(_ keyType: KeyType) -> AWSServiceError {
        .validation("The KeySchema exceeds the maximum allowed number of \(keyType.rawValue) key attributes")
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
}
