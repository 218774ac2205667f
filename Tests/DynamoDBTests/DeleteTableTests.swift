import AWSProtocol
import Testing

@testable import DynamoDB

@Suite struct DeleteTableTests {
    @Test func reducedDescriptionThenGone() async throws {
        let h = Harness()
        let created = try await h.createBasic("gone")
        let d = try #require(try await h.ok("DeleteTable", ["TableName": "gone"])["TableDescription"])
        #expect(
            d.keys == [
                "TableName", "TableStatus", "ProvisionedThroughput", "TableSizeBytes", "ItemCount", "TableArn", "TableId",
                "DeletionProtectionEnabled",
            ])
        #expect(d["TableStatus"] == "DELETING")
        #expect(
            await h.fail("DescribeTable", ["TableName": "gone"])?.message
                == "Requested resource not found: Table: gone not found")
        let again = try await h.createBasic("gone")
        #expect(again["TableDescription"]?["TableArn"] == created["TableDescription"]?["TableArn"])
        #expect(again["TableDescription"]?["TableId"] != created["TableDescription"]?["TableId"])
    }

    @Test func payPerRequestKeepsBillingSummary() async throws {
        let h = Harness()
        var input = basicTable("ppr")
        input["ProvisionedThroughput"] = nil
        input["BillingMode"] = "PAY_PER_REQUEST"
        try await h.ok("CreateTable", .object(input))
        let d = try #require(try await h.ok("DeleteTable", ["TableName": "ppr"])["TableDescription"])
        #expect(JSONWriter.string(d["BillingModeSummary"] ?? .null) == #"{"BillingMode":"PAY_PER_REQUEST"}"#)
    }

    @Test func deletingLastsDeleteSeconds() async throws {
        let h = Harness { $0.deleteSeconds = 4 }
        try await h.createBasic("slow")
        try await h.ok("DeleteTable", ["TableName": "slow"])
        #expect(try await h.ok("DescribeTable", ["TableName": "slow"])["Table"]?["TableStatus"] == "DELETING")
        #expect(await h.fail("CreateTable", .object(basicTable("slow")))?.message == "Table already exists: slow")
        h.clock.advance(by: 4)
        #expect(await h.fail("DescribeTable", ["TableName": "slow"])?.code == "ResourceNotFoundException")
    }

    @Test func deletionProtectionMustBeTurnedOff() async throws {
        let h = Harness()
        try await h.createBasic("kept", ["DeletionProtectionEnabled": true])
        #expect(await h.fail("DeleteTable", ["TableName": "kept"])?.type == "com.amazon.coral.validate#ValidationException")
        let off = try await h.ok("UpdateTable", ["TableName": "kept", "DeletionProtectionEnabled": false])
        #expect(off["TableDescription"]?["TableStatus"] == "ACTIVE")
        #expect(off["TableDescription"]?["DeletionProtectionEnabled"] == false)
        try await h.ok("DeleteTable", ["TableName": "kept"])
    }

    @Test func deleteDisablesTheStream() async throws {
        let h = Harness()
        try await h.createBasic("str", ["StreamSpecification": ["StreamEnabled": true, "StreamViewType": "KEYS_ONLY"]])
        let d = try #require(try await h.ok("DeleteTable", ["TableName": "str"])["TableDescription"])
        let arn = try #require(d["LatestStreamArn"])
        let stream = try await h.ok("DescribeStream", ["StreamArn": arn], service: .streams)
        #expect(stream["StreamDescription"]?["StreamStatus"] == "DISABLED")
        let listed = try await h.ok("ListStreams", ["TableName": "str"], service: .streams)
        #expect(listed["Streams"]?.arrayValue?.count == 1)
    }

    /// TableStatus stays ACTIVE during an encryption change, but DeleteTable must wait for it (observed DynamoDB behaviour, 2026).
    @Test func deleteWaitsForTheSSEChange() async throws {
        let h = Harness { $0.updateSeconds = 3 }
        try await h.createBasic("enc")
        let updated = try await h.ok("UpdateTable", ["TableName": "enc", "SSESpecification": ["Enabled": true]])
        #expect(updated["TableDescription"]?["TableStatus"] == "ACTIVE")
        #expect(updated["TableDescription"]?["SSEDescription"]?["Status"] == "UPDATING")
        let error = await h.fail("DeleteTable", ["TableName": "enc"])
        #expect(error?.type == "com.amazonaws.dynamodb.v20120810#ResourceInUseException")
        #expect(error?.message == "Attempt to change a resource which is still in use: Server-Side Encryption is still being updated")
        h.clock.advance(by: 3)
        try await h.ok("DeleteTable", ["TableName": "enc"])
    }
}
