import AWSProtocol
import CallHandling
import Foundation
import TestSupport
import Testing

@testable import DynamoTrail

/// Admin endpoints under the API's authentication in enforce mode, the `Host` check and CORS, in memory.
@Suite struct AdminGuardTests {
    static let amzDate = "20261124T120000Z"
    static func clock() -> ManualWallClock { ManualWallClock(SigV4Date.parseBasic(amzDate)!) }
    static let adminPaths: [(String, String)] = [
        ("GET", "/_dynamotrail/health"), ("POST", "/_dynamotrail/flush"), ("POST", "/_dynamotrail/reset"),
        ("POST", "/moto-api/reset"),
    ]
    static let createTable =
        #"{"TableName":"Kept","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}"#

    static func enforcing(_ configuration: inout Configuration) {
        configuration.auth.mode = .enforce
        configuration.accounts = AuthFixtures.accounts
    }

    /// Headers of a request signed by alice (or with `secret` instead of hers).
    static func signed(
        _ method: String, _ path: String, headers: [String: String] = [:], body: String = "", secret: String = AuthFixtures.aliceSecret
    ) -> [String: String] {
        var all = headers.merging(["Host": "127.0.0.1:8000", "X-Amz-Date": amzDate]) { $1 }
        var fields = all.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        if !body.isEmpty { fields.append(("Content-Length", String(body.utf8.count))) }
        let request = SigV4Request(method: method, rawPath: path, headers: fields, body: Array(body.utf8))
        all["Authorization"] = SigV4Signer.authorizationHeader(
            for: request, accessKeyId: AuthFixtures.aliceKey, secret: secret, region: "us-east-1", service: "dynamodb",
            amzDate: amzDate)
        return all
    }

    static func tableCount(_ server: TestServer) async throws -> Int {
        let headers = signed(
            "POST", "/", headers: ["X-Amz-Target": "DynamoDB_20120810.ListTables", "Content-Type": "application/x-amz-json-1.0"],
            body: "{}")
        let listed = await server.handle("POST", "/", headers: headers, body: Array("{}".utf8))
        return try JSONParser.parse(listed.body)["TableNames"]?.arrayValue?.count ?? -1
    }

    @Test func enforceModeRefusesUnsignedAndWronglySignedAdminCallsAndChangesNothing() async throws {
        try await withServer(clock: Self.clock(), listening: false, configure: Self.enforcing) { (server: TestServer) async throws in
            let create = Self.signed(
                "POST", "/", headers: ["X-Amz-Target": "DynamoDB_20120810.CreateTable", "Content-Type": "application/x-amz-json-1.0"],
                body: Self.createTable)
            #expect(await server.handle("POST", "/", headers: create, body: Array(Self.createTable.utf8)).status == 200)
            for (method, path) in Self.adminPaths {
                let unsigned = await server.handle(method, path, headers: ["Host": "127.0.0.1:8000"])
                #expect(unsigned.status == 400, "\(path)")
                #expect(try JSONParser.parse(unsigned.body)["__type"] == "com.amazon.coral.service#MissingAuthenticationTokenException")
                let wrong = await server.handle(method, path, headers: Self.signed(method, path, secret: "not-alices-secret"))
                #expect(wrong.status == 400, "\(path)")
                #expect(try JSONParser.parse(wrong.body)["__type"] == "com.amazon.coral.service#InvalidSignatureException")
            }
            #expect(try await Self.tableCount(server) == 1)
            // Signed by a configured identity, they work.
            #expect(await server.handle("GET", "/_dynamotrail/health", headers: Self.signed("GET", "/_dynamotrail/health")).status == 200)
            #expect(await server.handle("POST", "/_dynamotrail/reset", headers: Self.signed("POST", "/_dynamotrail/reset")).status == 200)
            #expect(try await Self.tableCount(server) == 0)
        }
    }

    @Test func aForeignHostIsRefusedBeforeAnything() async throws {
        try await withServer(listening: false) { (server: TestServer) async throws in
            _ = await server.call("DynamoDB_20120810.CreateTable", Self.createTable)
            let rebound = await server.handle("POST", "/_dynamotrail/reset", headers: ["Host": "attacker.example:8000"])
            #expect(rebound.status == 403)
            #expect(rebound.text.contains("server.allowedHosts"))
            let listed = await server.handle(
                "POST", "/",
                headers: [
                    "Host": "attacker.example:8000", "X-Amz-Target": "DynamoDB_20120810.ListTables",
                    "Content-Type": "application/x-amz-json-1.0",
                ],
                body: Array("{}".utf8))
            #expect(listed.status == 403)
            let tables = await server.call("DynamoDB_20120810.ListTables", "{}")
            #expect(try JSONParser.parse(tables.body)["TableNames"] == ["Kept"])
        }
    }

    @Test func crossOriginAdminCallsAreRefusedAndOnlyDynamoDBAnswersCarryCORS() async throws {
        try await withServer(listening: false) { (server: TestServer) async throws in
            _ = await server.call("DynamoDB_20120810.CreateTable", Self.createTable)
            let reset = await server.handle("POST", "/_dynamotrail/reset", headers: ["Origin": "https://evil.example"])
            #expect(reset.status == 403)
            #expect(reset.header("Access-Control-Allow-Origin") == nil)
            let tables = await server.call("DynamoDB_20120810.ListTables", "{}")
            #expect(try JSONParser.parse(tables.body)["TableNames"] == ["Kept"])
            // The server's own page may call them.
            let own = await server.handle("GET", "/_dynamotrail/health", headers: ["Origin": "http://127.0.0.1:8000"])
            #expect(own.status == 200 && own.header("Access-Control-Allow-Origin") == nil)
            let s3 = await server.handle("GET", "/dynamotrail-logs?list-type=2", headers: ["Origin": "http://127.0.0.1:8000"])
            #expect(s3.header("Access-Control-Allow-Origin") == nil)
            let dynamo = await server.handle(
                "POST", "/",
                headers: [
                    "Origin": "https://app.example", "X-Amz-Target": "DynamoDB_20120810.ListTables",
                    "Content-Type": "application/x-amz-json-1.0",
                ],
                body: Array("{}".utf8))
            #expect(dynamo.header("Access-Control-Allow-Origin") == "*")
        }
    }

    @Test func regionsThatCannotNameAFolderAreRefusedBeforeTheCall() async throws {
        try await withServer(listening: false) { (server: TestServer) async throws in
            for region in ["..", ".", "é", String(repeating: "a", count: 65), "a_b", "US-EAST-1"] {
                var headers = LenientSignature.headers(accessKey: "AKIAIOSFODNN7EXAMPLE", region: region)
                headers["X-Amz-Target"] = "DynamoDB_20120810.CreateTable"
                headers["Content-Type"] = "application/x-amz-json-1.0"
                let response = await server.handle("POST", "/", headers: headers, body: Array(Self.createTable.utf8))
                #expect(response.status == 400, "\(region)")
                let json = try JSONParser.parse(response.body)
                #expect(json["__type"] == "com.amazon.coral.service#InvalidSignatureException")
                #expect(json["message"]?.stringValue == "Credential should be scoped to a valid region, not '\(region)'. ")
            }
            let tables = await server.call("DynamoDB_20120810.ListTables", "{}")
            #expect(try JSONParser.parse(tables.body)["TableNames"] == [])
            // Refused before authentication succeeded: not recorded (the only record is the ListTables above).
            let keys = await server.server.flush()
            #expect(keys.count == 1 && keys.allSatisfy { $0.contains("/CloudTrail/us-east-1/") })
        }
    }
}
