import AWSProtocol
import Testing

@testable import DynamoDBControlPlane

@Suite struct UpdateTableTests {
    let pt: (Int, Int) -> JSONValue = { ["ReadCapacityUnits": .int($0), "WriteCapacityUnits": .int($1)] }

    @Test func increaseShowsOldValuesThenNew() async throws {
        let h = Harness { $0.updateSeconds = 2 }
        try await h.createBasic("ups")
        h.clock.advance(by: 1)
        let d = try #require(try await h.ok("UpdateTable", ["TableName": "ups", "ProvisionedThroughput": pt(10, 5)])["TableDescription"])
        #expect(d["TableStatus"] == "UPDATING")
        #expect(d["ProvisionedThroughput"]?["ReadCapacityUnits"] == 5)
        #expect(d["ProvisionedThroughput"]?["LastIncreaseDateTime"]?.numberValue?.text == "1767225601.25")
        #expect(d["ProvisionedThroughput"]?["LastDecreaseDateTime"] == nil)
        let during = await h.fail("UpdateTable", ["TableName": "ups", "ProvisionedThroughput": pt(11, 5)])
        #expect(during?.message == "Attempt to change a resource which is still in use: Table IOPS are currently being updated. Table: ups")
        h.clock.advance(by: 2)
        let after = try #require(try await h.ok("DescribeTable", ["TableName": "ups"])["Table"])
        #expect(after["TableStatus"] == "ACTIVE")
        #expect(after["ProvisionedThroughput"]?["ReadCapacityUnits"] == 10)
        #expect(after["ProvisionedThroughput"]?["NumberOfDecreasesToday"] == 0)
        #expect(after["WarmThroughput"]?["ReadUnitsPerSecond"] == 10)
    }

    @Test func decreasesAreCountedAndLimited() async throws {
        let h = Harness()
        try await h.createBasic("downs", ["ProvisionedThroughput": pt(100, 100)])
        for i in 1...4 {
            try await h.ok("UpdateTable", ["TableName": "downs", "ProvisionedThroughput": pt(100 - i, 100)])
            h.clock.advance(by: 1)
        }
        let d = try #require(try await h.ok("DescribeTable", ["TableName": "downs"])["Table"])
        #expect(d["ProvisionedThroughput"]?["NumberOfDecreasesToday"] == 4)
        #expect(d["ProvisionedThroughput"]?["LastDecreaseDateTime"] != nil)
        let fifth = await h.fail("UpdateTable", ["TableName": "downs", "ProvisionedThroughput": pt(90, 100)])
        #expect(fifth?.code == "LimitExceededException")
        #expect(
            fifth?.message?.hasPrefix("Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day.")
                == true)
        h.clock.advance(by: 3600)
        try await h.ok("UpdateTable", ["TableName": "downs", "ProvisionedThroughput": pt(90, 100)])
        // An increase is always allowed.
        try await h.ok("UpdateTable", ["TableName": "downs", "ProvisionedThroughput": pt(200, 200)])
    }

    @Test func billingModeSwitchBothWays() async throws {
        let h = Harness()
        try await h.createBasic("bill")
        let toPPR = try #require(
            try await h.ok("UpdateTable", ["TableName": "bill", "BillingMode": "PAY_PER_REQUEST"])["TableDescription"])
        #expect(toPPR["TableStatus"] == "UPDATING")
        #expect(toPPR["BillingModeSummary"]?["BillingMode"] == "PAY_PER_REQUEST")
        #expect(toPPR["ProvisionedThroughput"]?["ReadCapacityUnits"] == 0)
        let back = try #require(
            try await h.ok("UpdateTable", ["TableName": "bill", "BillingMode": "PROVISIONED", "ProvisionedThroughput": pt(3, 4)])[
                "TableDescription"])
        #expect(back["BillingModeSummary"]?["BillingMode"] == "PROVISIONED")
        #expect(back["BillingModeSummary"]?["LastUpdateToPayPerRequestDateTime"] != nil)
        #expect(back["ProvisionedThroughput"]?["WriteCapacityUnits"] == 4)
    }

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

    @Test func streamEnableDisableReenable() async throws {
        let h = Harness()
        try await h.createBasic("strm")
        h.clock.advance(by: 1)
        let on = try #require(
            try await h.ok(
                "UpdateTable", ["TableName": "strm", "StreamSpecification": ["StreamEnabled": true, "StreamViewType": "NEW_IMAGE"]])[
                    "TableDescription"])
        #expect(on["TableStatus"] == "UPDATING")
        let firstArn = try #require(on["LatestStreamArn"]?.stringValue)
        h.clock.advance(by: 1)
        let off = try #require(
            try await h.ok("UpdateTable", ["TableName": "strm", "StreamSpecification": ["StreamEnabled": false]])["TableDescription"])
        #expect(JSONWriter.string(off["StreamSpecification"] ?? .null) == #"{"StreamEnabled":false}"#)
        let described = try #require(try await h.ok("DescribeTable", ["TableName": "strm"])["Table"])
        #expect(described["StreamSpecification"] == nil)
        #expect(described["LatestStreamArn"]?.stringValue == firstArn)
        h.clock.advance(by: 1)
        let again = try #require(
            try await h.ok(
                "UpdateTable", ["TableName": "strm", "StreamSpecification": ["StreamEnabled": true, "StreamViewType": "KEYS_ONLY"]])[
                    "TableDescription"])
        #expect(again["LatestStreamArn"]?.stringValue != firstArn)
        let listed = try await h.ok("ListStreams", ["TableName": "strm"], service: .streams)
        #expect(listed["Streams"]?.arrayValue?.count == 2)
        #expect(listed["Streams"]?.arrayValue?.first?["StreamArn"] == again["LatestStreamArn"])
    }

    @Test func streamToggleInFlightMessages() async throws {
        let h = Harness { $0.updateSeconds = 5 }
        try await h.createBasic("tgl")
        let on = try await h.ok(
            "UpdateTable", ["TableName": "tgl", "StreamSpecification": ["StreamEnabled": true, "StreamViewType": "NEW_IMAGE"]])
        let label = try #require(on["TableDescription"]?["LatestStreamLabel"]?.stringValue)
        let stream = await h.fail("UpdateTable", ["TableName": "tgl", "StreamSpecification": ["StreamEnabled": false]])
        #expect(
            stream?.message
                == "Attempt to change a resource which is still in use: A stream status change is currently in progress. Table: tgl Stream: \(label) Operation: ENABLE"
        )
        let iops = await h.fail("UpdateTable", ["TableName": "tgl", "ProvisionedThroughput": pt(9, 9)])
        #expect(
            iops?.message
                == "Attempt to change a resource which is still in use: Can't change table IOPS when stream status is being updated. Table: tgl Stream: \(label) Operation: ENABLE"
        )
    }

    @Test func sseTableClassAndDeletionProtection() async throws {
        let h = Harness()
        try await h.createBasic("misc")
        let sse = try #require(
            try await h.ok("UpdateTable", ["TableName": "misc", "SSESpecification": ["Enabled": true]])["TableDescription"])
        #expect(sse["TableStatus"] == "ACTIVE")
        #expect(sse["SSEDescription"]?["Status"] == "UPDATING")
        #expect(try await h.ok("DescribeTable", ["TableName": "misc"])["Table"]?["SSEDescription"]?["Status"] == "ENABLED")
        // The refused no-op is the exact key ARN re-sent ({Enabled:true} again re-encrypts: sseResends).
        let arn = try #require(
            try await h.ok("DescribeTable", ["TableName": "misc"])["Table"]?["SSEDescription"]?["KMSMasterKeyArn"])
        #expect(
            await h.fail(
                "UpdateTable",
                [
                    "TableName": "misc",
                    "SSESpecification": [
                        "Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": arn,
                    ],
                ])?.message
                == "One or more parameter values were invalid: Table is already encrypted with given KMSMasterKeyId. Use KMSMasterKeyId parameter if you want to change Master Key"
        )

        let free = try #require(try await h.ok("UpdateTable", ["TableName": "misc", "TableClass": "STANDARD"])["TableDescription"])
        #expect(free["TableClassSummary"] == nil)
        let ia = try #require(
            try await h.ok("UpdateTable", ["TableName": "misc", "TableClass": "STANDARD_INFREQUENT_ACCESS"])["TableDescription"])
        #expect(ia["TableStatus"] == "UPDATING")
        #expect(ia["TableClassSummary"] == nil)
        let flipped = try #require(try await h.ok("DescribeTable", ["TableName": "misc"])["Table"]?["TableClassSummary"])
        #expect(flipped["TableClass"] == "STANDARD_INFREQUENT_ACCESS")
        #expect(flipped["LastUpdateDateTime"] != nil)
        try await h.ok("UpdateTable", ["TableName": "misc", "TableClass": "STANDARD"])
        #expect(
            await h.fail("UpdateTable", ["TableName": "misc", "TableClass": "STANDARD_INFREQUENT_ACCESS"])?.message
                == "Updates to TableClass are limited to 2 times in 30 day(s).")
        // With the budget spent, re-sending the current class is refused as well (AWS, 2026).
        #expect(await h.fail("UpdateTable", ["TableName": "misc", "TableClass": "STANDARD"])?.code == "LimitExceededException")

        let dp = try #require(try await h.ok("UpdateTable", ["TableName": "misc", "DeletionProtectionEnabled": true])["TableDescription"])
        #expect(dp["TableStatus"] == "ACTIVE")
        #expect(dp["DeletionProtectionEnabled"] == true)
    }

    @Test func deletionProtectionCooldownWhenConfigured() async throws {
        let h = Harness { $0.deletionProtectionCooldownSeconds = 15 }
        try await h.createBasic("cool")
        try await h.ok("UpdateTable", ["TableName": "cool", "DeletionProtectionEnabled": true])
        let error = await h.fail("UpdateTable", ["TableName": "cool", "DeletionProtectionEnabled": false])
        #expect(error?.type == "com.amazon.coral.availability#ThrottlingException")
        #expect(
            error?.message?.hasPrefix(
                "Deletion protection setting for table cool modified within the previous 15000 milliseconds. Please try again after ")
                == true)
        h.clock.advance(by: 15)
        try await h.ok("UpdateTable", ["TableName": "cool", "DeletionProtectionEnabled": false])
    }

    @Test func onDemandAndWarmThroughput() async throws {
        let h = Harness()
        var input = basicTable("odw")
        input["ProvisionedThroughput"] = nil
        input["BillingMode"] = "PAY_PER_REQUEST"
        try await h.ok("CreateTable", .object(input))
        let od = try #require(
            try await h.ok(
                "UpdateTable", ["TableName": "odw", "OnDemandThroughput": ["MaxReadRequestUnits": 500, "MaxWriteRequestUnits": -1]])[
                    "TableDescription"])
        #expect(JSONWriter.string(od["OnDemandThroughput"] ?? .null) == #"{"MaxReadRequestUnits":500,"MaxWriteRequestUnits":-1}"#)
        let warm = try #require(
            try await h.ok("UpdateTable", ["TableName": "odw", "WarmThroughput": ["ReadUnitsPerSecond": 20000]])["TableDescription"])
        #expect(warm["WarmThroughput"]?["ReadUnitsPerSecond"] == 20000)
        #expect(
            await h.fail("UpdateTable", ["TableName": "odw", "WarmThroughput": ["ReadUnitsPerSecond": 100]])?.message
                == "One or more parameter values were invalid: Requested ReadUnitsPerSecond for WarmThroughput for table is lower than current WarmThroughput, decreasing WarmThroughput is not supported"
        )
    }

    /// A WarmThroughput change leaves the table ACTIVE and shows WarmThroughput.Status UPDATING;
    /// DeleteTable waits for it.
    @Test func warmThroughputChangeShowsUpdating() async throws {
        let h = Harness { $0.updateSeconds = 2 }
        try await h.createBasic("warm")
        let response = try #require(
            try await h.ok("UpdateTable", ["TableName": "warm", "WarmThroughput": ["ReadUnitsPerSecond": 20000]])["TableDescription"])
        #expect(response["TableStatus"] == "ACTIVE")
        #expect(response["WarmThroughput"]?["Status"] == "UPDATING")
        let described = try await h.ok("DescribeTable", ["TableName": "warm"])
        #expect(described["Table"]?["WarmThroughput"]?["Status"] == "UPDATING")
        #expect(await h.fail("DeleteTable", ["TableName": "warm"])?.code == "ResourceInUseException")
        h.clock.advance(by: 2)
        let settled = try await h.ok("DescribeTable", ["TableName": "warm"])
        #expect(settled["Table"]?["WarmThroughput"]?["Status"] == "ACTIVE")
        #expect(settled["Table"]?["WarmThroughput"]?["ReadUnitsPerSecond"] == 20000)
        try await h.ok("DeleteTable", ["TableName": "warm"])
    }

    /// A KMS key change reports the old key while it is in flight, the new one after (observed DynamoDB behaviour, 2026).
    @Test func kmsKeyChangeEchoesTheOldKeyWhileUpdating() async throws {
        let h = Harness { $0.updateSeconds = 5 }
        try await h.createBasic("rekey", ["SSESpecification": ["Enabled": true]])
        h.clock.advance(by: 5)
        let old = try #require(
            try await h.ok("DescribeTable", ["TableName": "rekey"])["Table"]?["SSEDescription"]?["KMSMasterKeyArn"])
        let newKey = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        let response = try #require(
            try await h.ok(
                "UpdateTable",
                [
                    "TableName": "rekey",
                    "SSESpecification": [
                        "Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": .string(newKey),
                    ],
                ])["TableDescription"]?["SSEDescription"])
        #expect(response["Status"] == "UPDATING")
        #expect(response["KMSMasterKeyArn"] == old)
        h.clock.advance(by: 5)
        let settled = try #require(try await h.ok("DescribeTable", ["TableName": "rekey"])["Table"]?["SSEDescription"])
        #expect(settled["Status"] == "ENABLED")
        #expect(settled["KMSMasterKeyArn"] == .string(newKey))
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

    /// Back to the AWS-owned key: the KMS description shows UPDATING while the change runs, then is absent.
    @Test func sseBackToTheOwnedKeyShowsUpdatingThenNoDescription() async throws {
        let h = Harness { $0.updateSeconds = 4 }
        try await h.createBasic("owned", ["SSESpecification": ["Enabled": true]])
        h.clock.advance(by: 4)
        let key = try #require(
            try await h.ok("DescribeTable", ["TableName": "owned"])["Table"]?["SSEDescription"]?["KMSMasterKeyArn"])
        let response = try #require(
            try await h.ok("UpdateTable", ["TableName": "owned", "SSESpecification": ["Enabled": false]])["TableDescription"])
        #expect(response["TableStatus"] == "ACTIVE")
        #expect(response["SSEDescription"]?["Status"] == "UPDATING")
        #expect(response["SSEDescription"]?["KMSMasterKeyArn"] == key)
        #expect(await h.fail("DeleteTable", ["TableName": "owned"])?.code == "ResourceInUseException")
        h.clock.advance(by: 4)
        #expect(try await h.ok("DescribeTable", ["TableName": "owned"])["Table"]?["SSEDescription"] == nil)
        #expect(
            await h.fail("UpdateTable", ["TableName": "owned", "SSESpecification": ["Enabled": false]])?.message
                == "One or more parameter values were invalid: Table is already encrypted by default")
    }

    /// Only the exact key ARN re-sent is a refused no-op; other re-sends of the same key succeed (AWS, 2026).
    @Test func sseResends() async throws {
        let h = Harness()
        try await h.createBasic("resend", ["SSESpecification": ["Enabled": true]])
        let arn = try #require(
            try await h.ok("DescribeTable", ["TableName": "resend"])["Table"]?["SSEDescription"]?["KMSMasterKeyArn"])
        let again = try await h.ok("UpdateTable", ["TableName": "resend", "SSESpecification": ["Enabled": true]])
        #expect(again["TableDescription"]?["SSEDescription"]?["Status"] == "UPDATING")
        try await h.ok("UpdateTable", ["TableName": "resend", "SSESpecification": ["SSEType": "KMS"]])
        #expect(
            await h.fail(
                "UpdateTable",
                [
                    "TableName": "resend",
                    "SSESpecification": [
                        "Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": arn,
                    ],
                ])?.message
                == "One or more parameter values were invalid: Table is already encrypted with given KMSMasterKeyId. Use KMSMasterKeyId parameter if you want to change Master Key"
        )
    }

    /// OnDemandThroughput merges member by member; -1 clears a member: echoed in the response, omitted from
    /// DescribeTable, and the struct goes once both are cleared (AWS, 2026).
    @Test func onDemandThroughputMergesAndClears() async throws {
        let h = Harness()
        var input = basicTable("odt")
        input["ProvisionedThroughput"] = nil
        input["BillingMode"] = "PAY_PER_REQUEST"
        input["OnDemandThroughput"] = ["MaxReadRequestUnits": 100, "MaxWriteRequestUnits": 50]
        try await h.ok("CreateTable", .object(input))
        func described() async throws -> String {
            JSONWriter.string(try await h.ok("DescribeTable", ["TableName": "odt"])["Table"]?["OnDemandThroughput"] ?? .null)
        }
        try await h.ok("UpdateTable", ["TableName": "odt", "OnDemandThroughput": ["MaxReadRequestUnits": 200]])
        #expect(try await described() == #"{"MaxReadRequestUnits":200,"MaxWriteRequestUnits":50}"#)
        let cleared = try await h.ok("UpdateTable", ["TableName": "odt", "OnDemandThroughput": ["MaxWriteRequestUnits": -1]])
        #expect(
            JSONWriter.string(cleared["TableDescription"]?["OnDemandThroughput"] ?? .null)
                == #"{"MaxReadRequestUnits":200,"MaxWriteRequestUnits":-1}"#)
        #expect(try await described() == #"{"MaxReadRequestUnits":200}"#)
        try await h.ok("UpdateTable", ["TableName": "odt", "OnDemandThroughput": ["MaxReadRequestUnits": -1]])
        #expect(try await described() == "null")
    }

    /// BillingMode=PROVISIONED without throughput is refused on any table; throughput during a billing switch
    /// is "Table IOPS are currently being updated" (AWS, 2026).
    @Test func billingModeEdges() async throws {
        let h = Harness { $0.updateSeconds = 3 }
        try await h.createBasic("bill")
        #expect(
            await h.fail("UpdateTable", ["TableName": "bill", "BillingMode": "PROVISIONED"])?.message
                == "One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED")
        try await h.ok("UpdateTable", ["TableName": "bill", "BillingMode": "PAY_PER_REQUEST"])
        let back = await h.fail(
            "UpdateTable",
            [
                "TableName": "bill", "BillingMode": "PROVISIONED",
                "ProvisionedThroughput": ["ReadCapacityUnits": 5, "WriteCapacityUnits": 5],
            ])
        #expect(back?.message == "Attempt to change a resource which is still in use: Table IOPS are currently being updated. Table: bill")
    }

    @Test func nothingToUpdateDropsPresentMembers() async throws {
        let h = Harness()
        try await h.createBasic("none")
        let error = await h.fail("UpdateTable", ["TableName": "none", "GlobalSecondaryIndexUpdates": []])
        #expect(
            error?.message
                == "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required"
        )
    }
}
