/// Input shapes of the served operations, reduced from the botocore models to what JSON type checking needs.
enum InputShapes {
    static let keySchemaElement = InputShape.structure(
        "KeySchemaElement", ["AttributeName": .string, "KeyType": .string])
    static let attributeDefinition = InputShape.structure(
        "AttributeDefinition", ["AttributeName": .string, "AttributeType": .string])
    static let projection = InputShape.structure(
        "Projection", ["ProjectionType": .string, "NonKeyAttributes": .list(.string)])
    static let provisionedThroughput = InputShape.structure(
        "ProvisionedThroughput", ["ReadCapacityUnits": .long, "WriteCapacityUnits": .long])
    static let onDemandThroughput = InputShape.structure(
        "OnDemandThroughput", ["MaxReadRequestUnits": .long, "MaxWriteRequestUnits": .long])
    static let warmThroughput = InputShape.structure(
        "WarmThroughput", ["ReadUnitsPerSecond": .long, "WriteUnitsPerSecond": .long])
    static let streamSpecification = InputShape.structure(
        "StreamSpecification", ["StreamEnabled": .boolean, "StreamViewType": .string])
    static let sseSpecification = InputShape.structure(
        "SSESpecification", ["Enabled": .boolean, "SSEType": .string, "KMSMasterKeyId": .string])
    static let tag = InputShape.structure("Tag", ["Key": .string, "Value": .string])

    static func index(_ name: String) -> InputShape {
        .structure(
            name,
            [
                "IndexName": .string, "KeySchema": .list(keySchemaElement), "Projection": projection,
                "ProvisionedThroughput": provisionedThroughput, "OnDemandThroughput": onDemandThroughput,
                "WarmThroughput": warmThroughput,
            ])
    }

    static let createTable = InputShape.structure(
        "CreateTableInput",
        [
            "AttributeDefinitions": .list(attributeDefinition), "TableName": .string,
            "KeySchema": .list(keySchemaElement), "LocalSecondaryIndexes": .list(index("LocalSecondaryIndex")),
            "GlobalSecondaryIndexes": .list(index("GlobalSecondaryIndex")), "BillingMode": .string,
            "ProvisionedThroughput": provisionedThroughput, "StreamSpecification": streamSpecification,
            "SSESpecification": sseSpecification, "Tags": .list(tag), "TableClass": .string,
            "DeletionProtectionEnabled": .boolean, "WarmThroughput": warmThroughput, "ResourcePolicy": .string,
            "OnDemandThroughput": onDemandThroughput, "GlobalTableSourceArn": .string,
            "GlobalTableSettingsReplicationMode": .string,
        ])

    static let tableNameOnly = InputShape.structure("TableNameInput", ["TableName": .string])

    static let listTables = InputShape.structure(
        "ListTablesInput", ["ExclusiveStartTableName": .string, "Limit": .integer])

    static let updateTable = InputShape.structure(
        "UpdateTableInput",
        [
            "AttributeDefinitions": .list(attributeDefinition), "TableName": .string, "BillingMode": .string,
            "ProvisionedThroughput": provisionedThroughput,
            "GlobalSecondaryIndexUpdates": .list(
                .structure(
                    "GlobalSecondaryIndexUpdate",
                    [
                        "Update": .structure(
                            "UpdateGlobalSecondaryIndexAction",
                            [
                                "IndexName": .string, "ProvisionedThroughput": provisionedThroughput,
                                "OnDemandThroughput": onDemandThroughput, "WarmThroughput": warmThroughput,
                            ]),
                        "Create": index("CreateGlobalSecondaryIndexAction"),
                        "Delete": .structure("DeleteGlobalSecondaryIndexAction", ["IndexName": .string]),
                    ])),
            "StreamSpecification": streamSpecification, "SSESpecification": sseSpecification,
            "ReplicaUpdates": .list(.any), "TableClass": .string, "DeletionProtectionEnabled": .boolean,
            "MultiRegionConsistency": .string, "GlobalTableWitnessUpdates": .list(.any),
            "OnDemandThroughput": onDemandThroughput, "WarmThroughput": warmThroughput,
            "GlobalTableSettingsReplicationMode": .string,
        ])

    static let tagResource = InputShape.structure(
        "TagResourceInput", ["ResourceArn": .string, "Tags": .list(tag)])
    static let untagResource = InputShape.structure(
        "UntagResourceInput", ["ResourceArn": .string, "TagKeys": .list(.string)])
    static let listTagsOfResource = InputShape.structure(
        "ListTagsOfResourceInput", ["ResourceArn": .string, "NextToken": .string])
    static let updateTimeToLive = InputShape.structure(
        "UpdateTimeToLiveInput",
        [
            "TableName": .string,
            "TimeToLiveSpecification": .structure(
                "TimeToLiveSpecification", ["Enabled": .boolean, "AttributeName": .string]),
        ])
    static let updateContinuousBackups = InputShape.structure(
        "UpdateContinuousBackupsInput",
        [
            "TableName": .string,
            "PointInTimeRecoverySpecification": .structure(
                "PointInTimeRecoverySpecification",
                ["PointInTimeRecoveryEnabled": .boolean, "RecoveryPeriodInDays": .integer]),
        ])
    static let empty = InputShape.structure("EmptyInput", [:])

    // Streams
    static let listStreams = InputShape.structure(
        "ListStreamsInput", ["TableName": .string, "Limit": .integer, "ExclusiveStartStreamArn": .string])
    static let describeStream = InputShape.structure(
        "DescribeStreamInput",
        [
            "StreamArn": .string, "Limit": .integer, "ExclusiveStartShardId": .string,
            "ShardFilter": .structure("ShardFilter", ["Type": .string, "ShardId": .string]),
        ])
    static let getShardIterator = InputShape.structure(
        "GetShardIteratorInput",
        ["StreamArn": .string, "ShardId": .string, "ShardIteratorType": .string, "SequenceNumber": .string])
    static let getRecords = InputShape.structure(
        "GetRecordsInput", ["ShardIterator": .string, "Limit": .integer])

    // Reserved capacity (our proposal: AWS publishes no wire shape)
    static let describeReservedCapacityOfferings = InputShape.structure(
        "DescribeReservedCapacityOfferingsInput",
        [
            "ReservedCapacityOfferingId": .string, "CapacityUnitType": .string, "Duration": .long,
            "OfferingType": .string, "MaxResults": .integer, "NextToken": .string,
        ])
    static let purchaseReservedCapacityOfferings = InputShape.structure(
        "PurchaseReservedCapacityOfferingsInput",
        [
            "ReservedCapacityOfferingId": .string, "CapacityUnits": .long, "ReservedCapacityId": .string,
            "Tags": .list(tag),
        ])
    static let describeReservedCapacity = InputShape.structure(
        "DescribeReservedCapacityInput",
        [
            "ReservedCapacityId": .string, "ReservedCapacityOfferingId": .string, "CapacityUnitType": .string,
            "State": .string, "MaxResults": .integer, "NextToken": .string,
        ])
}
