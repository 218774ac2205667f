import AWSProtocol
import Testing

@testable import DynamoDB

/// Every TableDescription that CreateTable, DescribeTable, UpdateTable and DeleteTable answer uses only the members
/// the API reference lists ("TableDescription", "BillingModeSummary", "GlobalSecondaryIndexDescription", …; the
/// lists below are the botocore model's), and BillingModeSummary and WarmThroughput follow a billing-mode change.
@Suite struct TableDescriptionMembersTests {
    static let members: [String: Set<String>] = [
        "TableDescription": [
            "AttributeDefinitions", "TableName", "KeySchema", "TableStatus", "CreationDateTime", "ProvisionedThroughput",
            "TableSizeBytes", "ItemCount", "TableArn", "TableId", "BillingModeSummary", "LocalSecondaryIndexes",
            "GlobalSecondaryIndexes", "StreamSpecification", "LatestStreamLabel", "LatestStreamArn", "GlobalTableVersion",
            "Replicas", "GlobalTableWitnesses", "GlobalTableSettingsReplicationMode", "RestoreSummary", "SSEDescription",
            "ArchivalSummary", "TableClassSummary", "DeletionProtectionEnabled", "OnDemandThroughput", "WarmThroughput",
            "MultiRegionConsistency",
        ],
        "BillingModeSummary": ["BillingMode", "LastUpdateToPayPerRequestDateTime"],
        "GlobalSecondaryIndexes": [
            "IndexName", "KeySchema", "Projection", "IndexStatus", "Backfilling", "ProvisionedThroughput", "IndexSizeBytes",
            "ItemCount", "IndexArn", "OnDemandThroughput", "WarmThroughput",
        ],
        "LocalSecondaryIndexes": ["IndexName", "KeySchema", "Projection", "IndexSizeBytes", "ItemCount", "IndexArn"],
        "ProvisionedThroughput": [
            "LastIncreaseDateTime", "LastDecreaseDateTime", "NumberOfDecreasesToday", "ReadCapacityUnits", "WriteCapacityUnits",
        ],
        "WarmThroughput": ["ReadUnitsPerSecond", "WriteUnitsPerSecond", "Status"],
        "OnDemandThroughput": ["MaxReadRequestUnits", "MaxWriteRequestUnits"],
        "StreamSpecification": ["StreamEnabled", "StreamViewType"],
        "SSEDescription": ["Status", "SSEType", "KMSMasterKeyArn", "InaccessibleEncryptionDateTime"],
        "TableClassSummary": ["TableClass", "LastUpdateDateTime"],
        "Projection": ["ProjectionType", "NonKeyAttributes"],
        "KeySchema": ["AttributeName", "KeyType"],
        "AttributeDefinitions": ["AttributeName", "AttributeType"],
    ]

    /// The members of `value` (shape `shape`) and of its nested shapes that the API reference does not list.
    static func unknownMembers(_ value: JSONValue, shape: String) -> [String] {
        if let items = value.arrayValue { return items.flatMap { unknownMembers($0, shape: shape) } }
        guard let allowed = members[shape] else { return [] }
        return value.keys.flatMap { key -> [String] in
            guard allowed.contains(key) else { return ["\(shape).\(key)"] }
            return value[key].map { unknownMembers($0, shape: key) } ?? []
        }
    }

    func richOnDemandTable() -> JSONValue {
        json(
            #"""
            {"TableName":"rich","BillingMode":"PAY_PER_REQUEST",
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"},
               {"AttributeName":"l","AttributeType":"N"},{"AttributeName":"g","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
             "LocalSecondaryIndexes":[{"IndexName":"byL","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"l","KeyType":"RANGE"}],
               "Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["x"]}}],
             "GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"KEYS_ONLY"},
               "OnDemandThroughput":{"MaxReadRequestUnits":100}}],
             "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"},
             "SSESpecification":{"Enabled":true,"SSEType":"KMS"},"TableClass":"STANDARD_INFREQUENT_ACCESS",
             "OnDemandThroughput":{"MaxReadRequestUnits":200}}
            """#)
    }

    @Test func everyResponseUsesOnlyReferenceMembers() async throws {
        let h = Harness { $0.updateSeconds = 2 }
        var descriptions: [JSONValue] = []
        descriptions.append(try #require(try await h.ok("CreateTable", richOnDemandTable())["TableDescription"]))
        h.clock.advance(by: 60)
        descriptions.append(try #require(try await h.ok("DescribeTable", ["TableName": "rich"])["Table"]))
        let toProvisioned = json(
            #"""
            {"TableName":"rich","BillingMode":"PROVISIONED","ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5},
             "GlobalSecondaryIndexUpdates":[{"Update":{"IndexName":"byG","ProvisionedThroughput":{"ReadCapacityUnits":3,"WriteCapacityUnits":3}}}]}
            """#)
        descriptions.append(try #require(try await h.ok("UpdateTable", toProvisioned)["TableDescription"]))
        h.clock.advance(by: 60)
        descriptions.append(try #require(try await h.ok("DescribeTable", ["TableName": "rich"])["Table"]))
        descriptions.append(try #require(try await h.ok("DeleteTable", ["TableName": "rich"])["TableDescription"]))
        for description in descriptions {
            #expect(Self.unknownMembers(description, shape: "TableDescription") == [])
        }
    }

    /// BillingModeSummary appears once a table is or was on-demand: without a date in the CreateTable answer, with
    /// the date PAY_PER_REQUEST was set in DescribeTable, kept after a switch to PROVISIONED (AWS:
    /// "BillingModeSummary"). Warm throughput is how far a table or index has scaled, so it stays at the
    /// on-demand baseline after the switch (AWS: "Understanding DynamoDB warm throughput").
    @Test func billingSummaryAndWarmThroughputAcrossASwitch() async throws {
        let h = Harness { $0.updateSeconds = 2 }
        let created = try #require(try await h.ok("CreateTable", richOnDemandTable())["TableDescription"])
        #expect(created["BillingModeSummary"] == ["BillingMode": "PAY_PER_REQUEST"])
        h.clock.advance(by: 60)
        let described = try #require(try await h.ok("DescribeTable", ["TableName": "rich"])["Table"])
        let summary = try #require(described["BillingModeSummary"])
        #expect(summary["LastUpdateToPayPerRequestDateTime"] == created["CreationDateTime"])
        try await h.ok(
            "UpdateTable",
            json(
                #"""
                {"TableName":"rich","BillingMode":"PROVISIONED","ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5},
                 "GlobalSecondaryIndexUpdates":[{"Update":{"IndexName":"byG","ProvisionedThroughput":{"ReadCapacityUnits":3,"WriteCapacityUnits":3}}}]}
                """#))
        h.clock.advance(by: 60)
        let after = try #require(try await h.ok("DescribeTable", ["TableName": "rich"])["Table"])
        #expect(after["BillingModeSummary"]?["BillingMode"] == "PROVISIONED")
        #expect(after["BillingModeSummary"]?["LastUpdateToPayPerRequestDateTime"] == summary["LastUpdateToPayPerRequestDateTime"])
        #expect(after["WarmThroughput"] == ["ReadUnitsPerSecond": 12_000, "WriteUnitsPerSecond": 4_000, "Status": "ACTIVE"])
        let index = try #require(after["GlobalSecondaryIndexes"]?.arrayValue?.first)
        #expect(index["WarmThroughput"] == ["ReadUnitsPerSecond": 12_000, "WriteUnitsPerSecond": 4_000, "Status": "ACTIVE"])
        #expect(index["ProvisionedThroughput"]?["ReadCapacityUnits"] == 3)
        #expect(index["OnDemandThroughput"] == nil)
    }

    /// A table created PROVISIONED and never switched has no BillingModeSummary (AWS: "BillingModeSummary": "You
    /// may need to switch to on-demand mode at least once in order to return a BillingModeSummary response").
    @Test func provisionedTablesHaveNoSummaryUntilSwitched() async throws {
        let h = Harness()
        let created = try #require(try await h.createBasic("plain", ["BillingMode": "PROVISIONED"])["TableDescription"])
        #expect(created["BillingModeSummary"] == nil)
        #expect(try await h.ok("DescribeTable", ["TableName": "plain"])["Table"]?["BillingModeSummary"] == nil)
    }
}
