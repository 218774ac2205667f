import AWSProtocol
import Testing

@testable import DynamoDB

@Suite struct DescribeTableTests {
    @Test func activeProvisionedTableMembers() async throws {
        let h = Harness()
        try await h.createBasic("tb1")
        let d = try #require(try await h.ok("DescribeTable", ["TableName": "tb1"])["Table"])
        #expect(
            d.keys == [
                "AttributeDefinitions", "TableName", "KeySchema", "TableStatus", "CreationDateTime",
                "ProvisionedThroughput", "TableSizeBytes", "ItemCount", "TableArn", "TableId",
                "DeletionProtectionEnabled", "WarmThroughput",
            ])
        #expect(d["TableStatus"] == "ACTIVE")
        #expect(
            JSONWriter.string(d["WarmThroughput"] ?? .null)
                == #"{"ReadUnitsPerSecond":5,"WriteUnitsPerSecond":5,"Status":"ACTIVE"}"#)
    }

    @Test func tableArnIsAccepted() async throws {
        let h = Harness()
        try await h.createBasic("tb2")
        let d = try await h.ok("DescribeTable", ["TableName": "arn:aws:dynamodb:us-east-1:123456789012:table/tb2"])
        #expect(d["Table"]?["TableName"] == "tb2")
        let missing = await h.fail("DescribeTable", ["TableName": "arn:aws:dynamodb:us-east-1:123456789012:table/gone"])
        #expect(missing?.message == "Requested resource not found: Table: gone not found")
        // Another region's ARN is a ValidationException, another account's AccessDenied (observed on AWS, 2026).
        let other = await h.fail("DescribeTable", ["TableName": "arn:aws:dynamodb:eu-west-1:123456789012:table/tb2"])
        #expect(other?.message == "1 validation error detected: Invalid AWS region in 'arn:aws:dynamodb:eu-west-1:123456789012:table/tb2'")
        let foreign = await h.fail("DescribeTable", ["TableName": "arn:aws:dynamodb:us-east-1:210987654321:table/tb2"])
        #expect(foreign?.type == "com.amazon.coral.service#AccessDeniedException")
        #expect(foreign?.message == "Access is denied")
        let tagsForeign = await h.fail("ListTagsOfResource", ["ResourceArn": "arn:aws:dynamodb:us-east-1:210987654321:table/tb2"])
        #expect(tagsForeign?.code == "AccessDeniedException")
        let badPartition = await h.fail("DescribeTable", ["TableName": "arn:foo:dynamodb:us-east-1:123456789012:table/tb2"])
        #expect(
            badPartition?.message
                == "1 validation error detected: Invalid AWS partition in 'arn:foo:dynamodb:us-east-1:123456789012:table/tb2'")
    }

    @Test func statePerAccountAndRegion() async throws {
        let h = Harness()
        try await h.createBasic("tb3")
        let elsewhere = await h.call("DescribeTable", ["TableName": "tb3"], region: "eu-west-1")
        guard case .failure(let error) = elsewhere else {
            Issue.record("table leaked across regions")
            return
        }
        #expect(error.code == "ResourceNotFoundException")
        let otherAccount = await h.call("DescribeTable", ["TableName": "tb3"], account: "210987654321")
        if case .success = otherAccount { Issue.record("table leaked across accounts") }
    }

    @Test func resetForgetsEverything() async throws {
        let h = Harness()
        try await h.createBasic("tb4")
        await h.plane.reset()
        #expect(await h.fail("DescribeTable", ["TableName": "tb4"])?.code == "ResourceNotFoundException")
    }

    /// Every global index reports WarmThroughput in DescribeTable (Terraform waits on its Status), but a
    /// CreateTable response only when it was sent.
    @Test func globalIndexesReportWarmThroughput() async throws {
        let h = Harness()
        func index(_ name: String, _ extra: [String: JSONValue] = [:]) -> JSONValue {
            var object = JSONObject()
            object.append("IndexName", .string(name))
            object.append("KeySchema", [["AttributeName": "g", "KeyType": "HASH"]])
            object.append("Projection", ["ProjectionType": "ALL"])
            for (key, value) in extra { object[key] = value }
            return .object(object)
        }
        var input = basicTable("warmidx")
        input["AttributeDefinitions"] = [["AttributeName": "pk", "AttributeType": "S"], ["AttributeName": "g", "AttributeType": "S"]]
        input["GlobalSecondaryIndexes"] = [
            index("plain", ["ProvisionedThroughput": ["ReadCapacityUnits": 3, "WriteCapacityUnits": 2]]),
            index(
                "warmed",
                [
                    "ProvisionedThroughput": ["ReadCapacityUnits": 3, "WriteCapacityUnits": 2],
                    "WarmThroughput": ["ReadUnitsPerSecond": 500, "WriteUnitsPerSecond": 300],
                ]),
        ]
        let created = try await h.ok("CreateTable", .object(input))["TableDescription"]?["GlobalSecondaryIndexes"]?.arrayValue
        #expect(created?[0]["WarmThroughput"] == nil)
        #expect(created?[1]["WarmThroughput"]?["ReadUnitsPerSecond"] == 500)
        let described = try await h.ok("DescribeTable", ["TableName": "warmidx"])["Table"]?["GlobalSecondaryIndexes"]?.arrayValue
        #expect(
            JSONWriter.string(described?[0]["WarmThroughput"] ?? .null)
                == #"{"ReadUnitsPerSecond":3,"WriteUnitsPerSecond":2,"Status":"ACTIVE"}"#)
        #expect(
            JSONWriter.string(described?[1]["WarmThroughput"] ?? .null)
                == #"{"ReadUnitsPerSecond":500,"WriteUnitsPerSecond":300,"Status":"ACTIVE"}"#)

        var ppr = basicTable("warmppr")
        ppr["ProvisionedThroughput"] = nil
        ppr["BillingMode"] = "PAY_PER_REQUEST"
        ppr["AttributeDefinitions"] = [["AttributeName": "pk", "AttributeType": "S"], ["AttributeName": "g", "AttributeType": "S"]]
        ppr["GlobalSecondaryIndexes"] = [index("ondemand")]
        try await h.ok("CreateTable", .object(ppr))
        let onDemand = try await h.ok("DescribeTable", ["TableName": "warmppr"])["Table"]?["GlobalSecondaryIndexes"]?.arrayValue?.first
        #expect(
            JSONWriter.string(onDemand?["WarmThroughput"] ?? .null)
                == #"{"ReadUnitsPerSecond":12000,"WriteUnitsPerSecond":4000,"Status":"ACTIVE"}"#)
    }
}
