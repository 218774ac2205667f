import AWSProtocol
import Foundation
import Testing

@testable import DynamoDB

@Suite struct CreateTableTests {
    @Test func provisionedResponseHasExactlyAWSMembers() async throws {
        let h = Harness()
        let response = try await h.createBasic("Orders")
        let d = try #require(response["TableDescription"])
        #expect(
            d.keys == [
                "AttributeDefinitions", "TableName", "KeySchema", "TableStatus", "CreationDateTime",
                "ProvisionedThroughput", "TableSizeBytes", "ItemCount", "TableArn", "TableId",
                "DeletionProtectionEnabled",
            ])
        #expect(d["TableStatus"] == "CREATING")
        #expect(d["CreationDateTime"]?.numberValue?.text == "1767225600.25")
        #expect(
            JSONWriter.string(d["ProvisionedThroughput"] ?? .null)
                == #"{"NumberOfDecreasesToday":0,"ReadCapacityUnits":5,"WriteCapacityUnits":5}"#)
        #expect(d["TableArn"] == "arn:aws:dynamodb:us-east-1:123456789012:table/Orders")
        #expect(d["DeletionProtectionEnabled"] == false)
        let id = try #require(d["TableId"]?.stringValue)
        #expect(id.count == 36 && Array(id)[14] == "4")
        #expect(d["ItemCount"] == 0 && d["TableSizeBytes"] == 0)
    }

    @Test func payPerRequestShowsBillingSummaryAndZeroThroughput() async throws {
        let h = Harness()
        var input = basicTable("ppr")
        input["ProvisionedThroughput"] = nil
        input["BillingMode"] = "PAY_PER_REQUEST"
        let d = try #require(try await h.ok("CreateTable", .object(input))["TableDescription"])
        #expect(JSONWriter.string(d["BillingModeSummary"] ?? .null) == #"{"BillingMode":"PAY_PER_REQUEST"}"#)
        #expect(d["ProvisionedThroughput"]?["ReadCapacityUnits"] == 0)
        #expect(d["WarmThroughput"] == nil)
        let described = try #require(try await h.ok("DescribeTable", ["TableName": "ppr"])["Table"])
        #expect(described["BillingModeSummary"]?["LastUpdateToPayPerRequestDateTime"]?.numberValue?.text == "1767225600.25")
        #expect(
            JSONWriter.string(described["WarmThroughput"] ?? .null)
                == #"{"ReadUnitsPerSecond":12000,"WriteUnitsPerSecond":4000,"Status":"ACTIVE"}"#)
    }

    @Test func indexesAreDescribedWithTheirOwnMembers() async throws {
        let h = Harness()
        let input = json(
            #"""
            {"TableName":"idx","AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"},{"AttributeName":"b","AttributeType":"N"},{"AttributeName":"c","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"b","KeyType":"RANGE"}],
             "LocalSecondaryIndexes":[{"IndexName":"byC","KeySchema":[{"AttributeName":"a","KeyType":"HASH"},{"AttributeName":"c","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],
             "GlobalSecondaryIndexes":[{"IndexName":"gsic","KeySchema":[{"AttributeName":"c","KeyType":"HASH"}],"Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["x"]},"ProvisionedThroughput":{"ReadCapacityUnits":2,"WriteCapacityUnits":3}}],
             "ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}
            """#)
        let d = try #require(try await h.ok("CreateTable", input)["TableDescription"])
        let lsi = try #require(d["LocalSecondaryIndexes"]?.arrayValue?.first)
        #expect(lsi.keys == ["IndexName", "KeySchema", "Projection", "IndexSizeBytes", "ItemCount", "IndexArn"])
        #expect(lsi["IndexArn"] == "arn:aws:dynamodb:us-east-1:123456789012:table/idx/index/byC")
        let gsi = try #require(d["GlobalSecondaryIndexes"]?.arrayValue?.first)
        #expect(
            gsi.keys == [
                "IndexName", "KeySchema", "Projection", "IndexStatus", "ProvisionedThroughput", "IndexSizeBytes",
                "ItemCount", "IndexArn",
            ])
        #expect(gsi["IndexStatus"] == "CREATING")
        #expect(gsi["Projection"]?["NonKeyAttributes"] == ["x"])
        let active = try #require(try await h.ok("DescribeTable", ["TableName": "idx"])["Table"])
        #expect(active["GlobalSecondaryIndexes"]?.arrayValue?.first?["IndexStatus"] == "ACTIVE")
    }

    @Test func streamSSEClassWarmAndTags() async throws {
        let h = Harness()
        let d = try #require(
            try await h.createBasic(
                "full",
                [
                    "StreamSpecification": ["StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"],
                    "SSESpecification": ["Enabled": true], "TableClass": "STANDARD_INFREQUENT_ACCESS",
                    "WarmThroughput": ["ReadUnitsPerSecond": 100, "WriteUnitsPerSecond": 50],
                    "Tags": [["Key": "team", "Value": "a"]], "DeletionProtectionEnabled": true,
                ])["TableDescription"])
        #expect(JSONWriter.string(d["StreamSpecification"] ?? .null) == #"{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}"#)
        #expect(d["LatestStreamLabel"] == "2026-01-01T00:00:00.250")
        #expect(d["LatestStreamArn"] == "arn:aws:dynamodb:us-east-1:123456789012:table/full/stream/2026-01-01T00:00:00.250")
        #expect(d["SSEDescription"]?["Status"] == "ENABLED")
        #expect(d["SSEDescription"]?["SSEType"] == "KMS")
        #expect(d["SSEDescription"]?["KMSMasterKeyArn"]?.stringValue?.hasPrefix("arn:aws:kms:us-east-1:123456789012:key/") == true)
        #expect(JSONWriter.string(d["TableClassSummary"] ?? .null) == #"{"TableClass":"STANDARD_INFREQUENT_ACCESS"}"#)
        #expect(d["WarmThroughput"]?["ReadUnitsPerSecond"] == 100)
        #expect(d["DeletionProtectionEnabled"] == true)
        #expect(d["Tags"] == nil)
    }

    @Test func sseDisabledOrEmptyGivesNoDescription() async throws {
        let h = Harness()
        let d = try #require(try await h.createBasic("plain", ["SSESpecification": ["Enabled": false]])["TableDescription"])
        #expect(d["SSEDescription"] == nil)
        let k = try #require(
            try await h.createBasic("keyed", ["SSESpecification": ["SSEType": "KMS", "KMSMasterKeyId": "1234abcd-12ab"]])[
                "TableDescription"])
        #expect(k["SSEDescription"]?["KMSMasterKeyArn"] == "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab")
    }

    /// KMSMasterKeyArn names a key, never an alias: `alias/aws/dynamodb` is the region's AWS-managed key
    /// (the default one), and another alias, by name or ARN, one stable key.
    @Test func kmsAliasesResolveToKeyArns() async throws {
        let h = Harness()
        func keyArn(_ name: String, _ sse: JSONValue) async throws -> String? {
            try await h.createBasic(name, ["SSESpecification": sse])["TableDescription"]?["SSEDescription"]?["KMSMasterKeyArn"]?
                .stringValue
        }
        let managed = try await keyArn("default", ["Enabled": true])
        #expect(managed?.hasPrefix("arn:aws:kms:us-east-1:123456789012:key/") == true)
        #expect(try await keyArn("managed", ["Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": "alias/aws/dynamodb"]) == managed)
        let byName = try await keyArn("byname", ["Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": "alias/mine"])
        let byArn = try await keyArn(
            "byarn", ["Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": "arn:aws:kms:us-east-1:123456789012:alias/mine"])
        #expect(byName == byArn)
        #expect(byName?.hasPrefix("arn:aws:kms:us-east-1:123456789012:key/") == true)
        #expect(byName != managed)
        // Re-selecting the managed key by its alias re-encrypts with the same key (AWS, 2026).
        let resent = try await h.ok(
            "UpdateTable",
            [
                "TableName": "default",
                "SSESpecification": [
                    "Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": "alias/aws/dynamodb",
                ],
            ])
        #expect(resent["TableDescription"]?["SSEDescription"]?["KMSMasterKeyArn"]?.stringValue == managed)
    }

    @Test func creatingLastsCreateSeconds() async throws {
        let h = Harness { $0.createSeconds = 10 }
        try await h.createBasic("slow")
        #expect(try await h.ok("DescribeTable", ["TableName": "slow"])["Table"]?["TableStatus"] == "CREATING")
        h.clock.advance(by: 9.9)
        #expect(try await h.ok("DescribeTable", ["TableName": "slow"])["Table"]?["TableStatus"] == "CREATING")
        h.clock.advance(by: 0.1)
        #expect(try await h.ok("DescribeTable", ["TableName": "slow"])["Table"]?["TableStatus"] == "ACTIVE")
    }

    @Test func nullMembersAreAbsentAndUnknownMembersIgnored() async throws {
        let h = Harness()
        var input = basicTable("nulls")
        input["StreamSpecification"] = .null
        input["Whatever"] = ["x": 1]
        let d = try #require(try await h.ok("CreateTable", .object(input))["TableDescription"])
        #expect(d["StreamSpecification"] == nil)
    }

    @Test func multiAttributeGlobalIndexKeys() async throws {
        let h = Harness()
        let input = json(
            #"""
            {"TableName":"multi","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"x","AttributeType":"S"},{"AttributeName":"y","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
             "GlobalSecondaryIndexes":[{"IndexName":"gxy","KeySchema":[{"AttributeName":"x","KeyType":"HASH"},{"AttributeName":"y","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]}
            """#)
        let d = try #require(try await h.ok("CreateTable", input)["TableDescription"])
        #expect(d["GlobalSecondaryIndexes"]?.arrayValue?.first?["KeySchema"]?.arrayValue?.count == 2)
    }

    @Test func tenValidationErrorsAtMost() async throws {
        let h = Harness()
        let keys: [JSONValue] = (0..<12).map { _ in ["KeyType": "BAD"] }
        let error = await h.fail(
            "CreateTable", ["TableName": "x;", "AttributeDefinitions": [], "KeySchema": .array(keys)])
        let message = try #require(error?.message)
        #expect(message.hasPrefix("10 validation errors detected: "))
        #expect(message.components(separatedBy: "; ").count == 10)
    }
}
