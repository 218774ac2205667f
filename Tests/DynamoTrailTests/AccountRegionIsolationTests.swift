import AWSProtocol
import CallHandling
import Foundation
import TestSupport
import Testing

/// Tables live per account and region: the same name in two accounts and two regions is four tables
/// (in memory, through the router).
@Suite struct AccountRegionIsolationTests {
    /// A lenient-mode SigV4 header: a 12-digit access key names the account, the scope the region.
    func headers(account: String, region: String, target: String) -> [String: String] {
        LenientSignature.headers(accessKey: account, region: region, amzDate: "20260101T000000Z").merging([
            "X-Amz-Target": "DynamoDB_20120810.\(target)", "Content-Type": "application/x-amz-json-1.0",
        ]) { $1 }
    }

    @Test func sameNameInTwoAccountsAndTwoRegionsIsFourTables() async throws {
        try await withServer(listening: false) { (server: TestServer) async throws in
            let scopes = [
                ("111111111111", "us-east-1"), ("111111111111", "eu-west-1"), ("222222222222", "us-east-1"), ("222222222222", "eu-west-1"),
            ]
            let create = Array(
                #"{"TableName":"Same","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}"#
                    .utf8)
            var tableIds: Set<String> = []
            for (account, region) in scopes {
                let created = await server.handle(
                    "POST", "/", headers: headers(account: account, region: region, target: "CreateTable"), body: create)
                #expect(created.status == 200, "\(account) \(region): \(created.text)")
                let description = try JSONParser.parse(created.body)["TableDescription"]
                #expect(description?["TableArn"]?.stringValue == "arn:aws:dynamodb:\(region):\(account):table/Same")
                tableIds.insert(description?["TableId"]?.stringValue ?? "")
            }
            #expect(tableIds.count == 4)
            for (account, region) in scopes {
                let listed = await server.handle(
                    "POST", "/", headers: headers(account: account, region: region, target: "ListTables"), body: Array("{}".utf8))
                #expect(try JSONParser.parse(listed.body)["TableNames"] == ["Same"])
            }
            let again = await server.handle(
                "POST", "/", headers: headers(account: "111111111111", region: "us-east-1", target: "CreateTable"), body: create)
            #expect(again.status == 400)
            #expect(try JSONParser.parse(again.body)["__type"] == "com.amazonaws.dynamodb.v20120810#ResourceInUseException")
            let elsewhere = await server.handle(
                "POST", "/", headers: headers(account: "333333333333", region: "us-east-1", target: "ListTables"), body: Array("{}".utf8))
            #expect(try JSONParser.parse(elsewhere.body)["TableNames"] == [])
        }
    }
}
