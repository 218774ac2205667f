import AWSProtocol
import Testing

@testable import DynamoDBControlPlane

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
        #expect(JSONWriter.string(d["WarmThroughput"] ?? .null)
            == #"{"ReadUnitsPerSecond":5,"WriteUnitsPerSecond":5,"Status":"ACTIVE"}"#)
    }

    @Test func tableArnIsAccepted() async throws {
        let h = Harness()
        try await h.createBasic("tb2")
        let d = try await h.ok("DescribeTable", ["TableName": "arn:aws:dynamodb:us-east-1:123456789012:table/tb2"])
        #expect(d["Table"]?["TableName"] == "tb2")
        let other = await h.fail("DescribeTable", ["TableName": "arn:aws:dynamodb:eu-west-1:123456789012:table/tb2"])
        #expect(other?.message == "Requested resource not found: Table: arn:aws:dynamodb:eu-west-1:123456789012:table/tb2 not found")
        let badPartition = await h.fail("DescribeTable", ["TableName": "arn:foo:dynamodb:us-east-1:123456789012:table/tb2"])
        #expect(badPartition?.message == "1 validation error detected: Invalid AWS partition in 'arn:foo:dynamodb:us-east-1:123456789012:table/tb2'")
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
}
