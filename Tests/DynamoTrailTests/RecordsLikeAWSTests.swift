import AWSProtocol
import CallHandling
import CloudTrail
import Foundation
import TestSupport
import Testing

@testable import DynamoTrail

/// Records of a web-identity session and the dates inside them, end to end through the server: the fields as
/// AWS writes them (AWS: "CloudTrail userIdentity element"; a real 2025 LookupEvents record for the dates).
@Suite struct RecordsLikeAWSTests {
    static let provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    /// 2025-10-26T23:50:52Z, the start time of the real LookupEvents record.
    static let now = Date(timeIntervalSince1970: 1_761_522_652)

    static func useWebIdentityAccount(_ configuration: inout Configuration) {
        var github = IdentitySettings(type: .assumedRole, accessKeyId: "ASIAGHAOIDCEXAMPLE01", secretAccessKey: "s")
        github.roleName = "gha-deploy-role"
        github.sessionName = "GitHubActions"
        github.sessionToken = "t"
        github.webIdentity = WebIdFederationData(federatedProvider: provider)
        var jane = IdentitySettings(type: .assumedRole, accessKeyId: "ASIAQNZGKEXAMPLEROLE", secretAccessKey: "s")
        jane.roleName = "admin-role"
        jane.sessionName = "jane"
        jane.sessionToken = "t"
        configuration.accounts = [AccountSettings(accountId: "123456789012", isDefault: true, identities: [github, jane])]
    }

    @Test func aWebIdentitySessionAndEveryDateAreRecordedAsAWSWritesThem() async throws {
        let records = try await withServer(clock: ManualWallClock(Self.now), listening: false, configure: Self.useWebIdentityAccount) {
            server in
            let harness = CloudTrailAPIHarness(server: server)
            try await harness.dynamoDB(
                "CreateTable",
                #"{"TableName":"Music","AttributeDefinitions":[{"AttributeName":"k","AttributeType":"S"}],"KeySchema":[{"AttributeName":"k","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}"#,
                key: "ASIAGHAOIDCEXAMPLE01")
            try await harness.dynamoDB(
                "UpdateTable",
                #"{"TableName":"Music","BillingMode":"PROVISIONED","ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5}}"#,
                key: "ASIAGHAOIDCEXAMPLE01")
            let offerings = try await Self.dynamoDB(harness, "DescribeReservedCapacityOfferings", #"{"CapacityUnitType":"READ"}"#)
            let offering = try #require(offerings["ReservedCapacityOfferings"]?.arrayValue?.first?["ReservedCapacityOfferingId"])
            let bought = try await Self.dynamoDB(
                harness, "PurchaseReservedCapacityOfferings",
                #"{"ReservedCapacityOfferingId":\#(JSONWriter.string(offering)),"CapacityUnits":100}"#)
            #expect(bought["ReservedCapacityDescription"]?["StartTime"] == .number(JSONNumber(text: "1761522652")))
            // Not served, still recorded with its request: the time bounds as dates.
            try await harness.dynamoDB("ListBackups", #"{"TimeRangeLowerBound":1761522652,"TimeRangeUpperBound":1761523252}"#)
            let lookup = try await harness.cloudTrail(
                "LookupEvents", #"{"StartTime":1761522652,"EndTime":1761523252.5}"#, key: "ASIAQNZGKEXAMPLEROLE")
            #expect(lookup.status == 200)
            try await harness.flush()
            return Dictionary(
                harness.delivered().values.map { ($0.value["eventName"]?.stringValue ?? "", $0.value) }, uniquingKeysWith: { a, _ in a })
        }
        let created = try #require(records["CreateTable"])
        let context = try #require(created["userIdentity"]?["sessionContext"]?.objectValue)
        #expect(context.keys == ["sessionIssuer", "webIdFederationData", "attributes"])
        #expect(
            JSONWriter.string(context["webIdFederationData"] ?? .null)
                == #"{"federatedProvider":"\#(Self.provider)","attributes":{}}"#)
        #expect(context["attributes"] == ["creationDate": .string(UTCTime(Self.now).iso8601), "mfaAuthenticated": "false"])
        let table = created["responseElements"]?["tableDescription"]
        #expect(table?["creationDateTime"] == "Oct 26, 2025, 11:50:52 PM")
        let updated = records["UpdateTable"]?["responseElements"]?["tableDescription"]
        #expect(updated?["creationDateTime"] == "Oct 26, 2025, 11:50:52 PM")
        #expect(updated?["billingModeSummary"]?["lastUpdateToPayPerRequestDateTime"] == "Oct 26, 2025, 11:50:52 PM")

        let purchase = try #require(records["PurchaseReservedCapacityOfferings"])
        #expect(purchase["responseElements"]?["reservedCapacityDescription"]?["startTime"] == "Oct 26, 2025, 11:50:52 PM")

        let backups = try #require(records["ListBackups"])
        #expect(
            JSONWriter.string(backups["requestParameters"] ?? .null)
                == #"{"timeRangeLowerBound":"Oct 26, 2025, 11:50:52 PM","timeRangeUpperBound":"Oct 27, 2025, 12:00:52 AM"}"#)

        let lookup = try #require(records["LookupEvents"])
        #expect(
            JSONWriter.string(lookup["requestParameters"] ?? .null)
                == #"{"startTime":"Oct 26, 2025, 11:50:52 PM","endTime":"Oct 27, 2025, 12:00:52 AM"}"#)
        #expect(lookup["responseElements"] == .null)
        #expect(lookup["userIdentity"]?["sessionContext"]?.objectValue?.keys == ["sessionIssuer", "attributes"])
    }

    /// A DynamoDB call answered 200, its JSON body.
    static func dynamoDB(_ harness: CloudTrailAPIHarness, _ operation: String, _ body: String) async throws -> JSONValue {
        var headers = CloudTrailAPIHarness.headers(service: "dynamodb", key: "AKIAIOSFODNN7EXAMPLE", region: nil)
        headers["X-Amz-Target"] = "DynamoDB_20120810." + operation
        headers["Content-Type"] = "application/x-amz-json-1.0"
        let response = try await harness.send("POST", "/", headers: headers, body: Array(body.utf8))
        #expect(response.status == 200, "\(response.text)")
        return try JSONParser.parse(response.body)
    }
}
