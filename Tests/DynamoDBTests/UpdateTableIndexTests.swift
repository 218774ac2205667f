import AWSProtocol
import Testing

@testable import DynamoDB

/// GlobalSecondaryIndexUpdates: online creation and deletion, index throughput, attribute definitions.
@Suite struct UpdateTableIndexTests {
    let pt: (Int, Int) -> JSONValue = { ["ReadCapacityUnits": .int($0), "WriteCapacityUnits": .int($1)] }

    @Test func onlineIndexLifecycle() async throws {
        let h = Harness {
            $0.updateSeconds = 10
            $0.createSeconds = 60
        }
        try await h.createBasic("gsit")
        h.clock.advance(by: 60)
        let create: JSONValue = [
            "TableName": "gsit", "AttributeDefinitions": [["AttributeName": "g", "AttributeType": "S"]],
            "GlobalSecondaryIndexUpdates": [
                [
                    "Create": [
                        "IndexName": "byG", "KeySchema": [["AttributeName": "g", "KeyType": "HASH"]],
                        "Projection": ["ProjectionType": "KEYS_ONLY"], "ProvisionedThroughput": pt(1, 1),
                    ]
                ]
            ],
        ]
        let d = try #require(try await h.ok("UpdateTable", create)["TableDescription"])
        #expect(d["TableStatus"] == "UPDATING")
        #expect(d["AttributeDefinitions"]?.arrayValue?.count == 2)
        let index = try #require(d["GlobalSecondaryIndexes"]?.arrayValue?.first)
        #expect(index["IndexStatus"] == "CREATING")
        #expect(index["Backfilling"] == false)
        // Resource allocation (TableStatus UPDATING): table IOPS, another index, and deleting this one are refused.
        let iops = await h.fail("UpdateTable", ["TableName": "gsit", "ProvisionedThroughput": pt(6, 6)])
        #expect(
            iops?.message
                == "Attempt to change a resource which is still in use: Can't change table IOPS when an index is being created. Table: gsit Indexes: [byG]"
        )
        #expect(
            await h.fail("UpdateTable", ["TableName": "gsit", "GlobalSecondaryIndexUpdates": [["Delete": ["IndexName": "byG"]]]])?
                .message?.hasPrefix("Attempt to change a resource which is still in use: Index creation is in resource allocation phase")
                == true)
        h.clock.advance(by: 10)
        let backfilling = try #require(try await h.ok("DescribeTable", ["TableName": "gsit"])["Table"])
        #expect(backfilling["TableStatus"] == "ACTIVE")
        #expect(backfilling["GlobalSecondaryIndexes"]?.arrayValue?.first?["Backfilling"] == true)
        #expect(
            await h.fail("DeleteTable", ["TableName": "gsit"])?.message
                == "Attempt to change a resource which is still in use: Cannot delete table while indexes are being created, updated, or deleted."
        )
        // Backfilling (TableStatus ACTIVE): another index is the one-online-index limit; table IOPS are admitted.
        let second: JSONValue = [
            "TableName": "gsit", "AttributeDefinitions": [["AttributeName": "h", "AttributeType": "S"]],
            "GlobalSecondaryIndexUpdates": [
                [
                    "Create": [
                        "IndexName": "byH", "KeySchema": [["AttributeName": "h", "KeyType": "HASH"]],
                        "Projection": ["ProjectionType": "KEYS_ONLY"], "ProvisionedThroughput": pt(1, 1),
                    ]
                ]
            ],
        ]
        #expect(
            await h.fail("UpdateTable", second)?.message
                == "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table")
        try await h.ok("UpdateTable", ["TableName": "gsit", "ProvisionedThroughput": pt(6, 6)])
        h.clock.advance(by: 60)
        let active = try #require(try await h.ok("DescribeTable", ["TableName": "gsit"])["Table"])
        let done = try #require(active["GlobalSecondaryIndexes"]?.arrayValue?.first)
        #expect(done["IndexStatus"] == "ACTIVE")
        #expect(done["Backfilling"] == nil)

        let deleted = try #require(
            try await h.ok("UpdateTable", ["TableName": "gsit", "GlobalSecondaryIndexUpdates": [["Delete": ["IndexName": "byG"]]]])[
                "TableDescription"])
        #expect(deleted["GlobalSecondaryIndexes"]?.arrayValue?.first?["IndexStatus"] == "DELETING")
        h.clock.advance(by: 10)
        let pruned = try #require(try await h.ok("DescribeTable", ["TableName": "gsit"])["Table"])
        #expect(pruned["GlobalSecondaryIndexes"] == nil)
        #expect(pruned["AttributeDefinitions"] == [["AttributeName": "pk", "AttributeType": "S"]])
    }

    @Test func indexThroughputUpdate() async throws {
        let h = Harness()
        let input = json(
            #"{"TableName":"gsiu","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1},"GlobalSecondaryIndexes":[{"IndexName":"gone","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"},"ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}]}"#
        )
        try await h.ok("CreateTable", input)
        let d = try #require(
            try await h.ok(
                "UpdateTable",
                [
                    "TableName": "gsiu",
                    "GlobalSecondaryIndexUpdates": [["Update": ["IndexName": "gone", "ProvisionedThroughput": pt(4, 4)]]],
                ])[
                    "TableDescription"])
        #expect(d["GlobalSecondaryIndexes"]?.arrayValue?.first?["IndexStatus"] == "UPDATING")
        #expect(d["GlobalSecondaryIndexes"]?.arrayValue?.first?["ProvisionedThroughput"]?["ReadCapacityUnits"] == 1)
        let after = try await h.ok("DescribeTable", ["TableName": "gsiu"])
        #expect(after["Table"]?["GlobalSecondaryIndexes"]?.arrayValue?.first?["ProvisionedThroughput"]?["ReadCapacityUnits"] == 4)
    }

    /// A new index's keys must be defined in the request itself; unused definitions sent with it are dropped.
    @Test func indexCreationAttributeDefinitions() async throws {
        let h = Harness()
        var input = basicTable("defs")
        input["AttributeDefinitions"] = [["AttributeName": "pk", "AttributeType": "S"], ["AttributeName": "sk", "AttributeType": "S"]]
        input["KeySchema"] = [["AttributeName": "pk", "KeyType": "HASH"], ["AttributeName": "sk", "KeyType": "RANGE"]]
        try await h.ok("CreateTable", .object(input))
        func create(_ definitions: JSONValue, keys: [String]) -> JSONValue {
            let schema: [JSONValue] = keys.enumerated().map { i, key in
                ["AttributeName": .string(key), "KeyType": i == 0 ? "HASH" : "RANGE"]
            }
            return [
                "TableName": "defs", "AttributeDefinitions": definitions,
                "GlobalSecondaryIndexUpdates": [
                    [
                        "Create": [
                            "IndexName": "by-date", "KeySchema": .array(schema), "Projection": ["ProjectionType": "ALL"],
                            "ProvisionedThroughput": ["ReadCapacityUnits": 1, "WriteCapacityUnits": 1],
                        ]
                    ]
                ],
            ]
        }
        // `sk` is the table's sort key, yet the request must define it too.
        #expect(
            await h.fail("UpdateTable", create([["AttributeName": "date", "AttributeType": "S"]], keys: ["date", "sk"]))?.message
                == "Invalid KeySchema: Some index key attribute have no definition")
        #expect(
            await h.fail(
                "UpdateTable",
                create(
                    [["AttributeName": "date", "AttributeType": "S"], ["AttributeName": "x", "AttributeType": "S"]], keys: ["date", "sk"]))?
                .message
                == "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [date, sk], AttributeDefinitions: [date, x]"
        )
        let response = try await h.ok(
            "UpdateTable",
            create(
                [
                    ["AttributeName": "date", "AttributeType": "S"], ["AttributeName": "sk", "AttributeType": "S"],
                    ["AttributeName": "unused", "AttributeType": "N"],
                ], keys: ["date", "sk"]))
        let names = response["TableDescription"]?["AttributeDefinitions"]?.arrayValue?.compactMap { $0["AttributeName"]?.stringValue }
        #expect(names == ["pk", "sk", "date"])
        let described = try await h.ok("DescribeTable", ["TableName": "defs"])
        #expect(described["Table"]?["AttributeDefinitions"]?.arrayValue?.count == 3)
    }
}
