import AWSProtocol
import Testing

@testable import DynamoDB

/// UpdateTable rules across concerns: single-concern members, deletion protection, nothing to update.
@Suite struct UpdateTableTests {
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
