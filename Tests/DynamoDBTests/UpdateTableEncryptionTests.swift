import AWSProtocol
import Testing

@testable import DynamoDB

/// SSESpecification on UpdateTable: key changes, the AWS-owned key, re-sends.
@Suite struct UpdateTableEncryptionTests {
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
}
