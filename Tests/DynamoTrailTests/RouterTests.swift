import AWSProtocol
import Foundation
import TestSupport
import Testing

@testable import CallHandling
@testable import CloudTrailService
@testable import DynamoTrail

/// The router's answers, in memory (no socket) except for one request over a real connection.
@Suite struct RouterTests {
    @Test func healthAnswersJSON() async throws {
        try await withServer { (server: TestServer) async throws in
            let client = TestHTTPClient(baseURL: server.baseURL)
            let response = try await client.send("GET", "/_dynamotrail/health")
            #expect(response.status == 200)
            #expect(try JSONParser.parse(response.body)["status"] == "ok")
            #expect(RequestID.isValid(response.header("x-amzn-RequestId") ?? ""))
        }
    }

    @Test func cloudTrailAnswersCarryUUIDRequestIds() async throws {
        try await withServer(listening: false) { (server: TestServer) async throws in
            let response = await server.handle(
                "POST", "/",
                headers: [
                    "X-Amz-Target": "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails",
                    "Content-Type": "application/x-amz-json-1.1",
                ], body: Array("{}".utf8))
            let id = try #require(response.header("x-amzn-RequestId"))
            #expect(UUID(uuidString: id) != nil && id == id.lowercased(), "\(id)")
            let dynamo = await server.call("DynamoDB_20120810.ListTables", "{}")
            #expect(RequestID.isValid(dynamo.header("x-amzn-RequestId") ?? ""))
        }
    }

    @Test func byDefaultAnUnsignedCallIsRefusedAndASignedOneWithAnyKeyIsServed() async throws {
        try await withServer(listening: false, configure: { $0.auth.allowAnonymous = false }) { (server: TestServer) async throws in
            let unsigned = await server.call("DynamoDB_20120810.ListTables", "{}")
            #expect(unsigned.status == 400)
            #expect(
                unsigned.text
                    == #"{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Request is missing Authentication Token"}"#
            )
            var headers = LenientSignature.headers(accessKey: "AnyKeyAtAll")
            headers["X-Amz-Target"] = "DynamoDB_20120810.ListTables"
            headers["Content-Type"] = "application/x-amz-json-1.0"
            #expect(await server.handle("POST", "/", headers: headers, body: Array("{}".utf8)).status == 200)
        }
    }

    @Test func aRequestWithNeitherBodyNorContentTypeIsAnsweredByItsTarget() async throws {
        try await withServer(listening: false) { (server: TestServer) async throws in
            let noTarget = await server.handle("POST", "/")
            #expect(noTarget.status == 400)
            #expect(noTarget.text == #"{"__type":"com.amazon.coral.service#UnknownOperationException"}"#)
            #expect(noTarget.header("Content-Type") == "application/x-amz-json-1.0")
            let unknown = await server.handle("POST", "/", headers: ["X-Amz-Target": "DynamoDB_20120810.Nope"])
            #expect(unknown.text == #"{"__type":"com.amazon.coral.service#UnknownOperationException"}"#)
            // A known target without a body: the empty-body SerializationException, after authentication.
            let empty = await server.handle("POST", "/", headers: ["X-Amz-Target": "DynamoDB_20120810.ListTables"])
            #expect(empty.status == 400)
            #expect(empty.text == #"{"__type":"com.amazon.coral.service#SerializationException"}"#)
            // A body without a content type is still the 404.
            let untyped = await server.handle(
                "POST", "/", headers: ["X-Amz-Target": "DynamoDB_20120810.ListTables"], body: Array("{}".utf8))
            #expect(untyped.status == 404)
        }
    }

    @Test func followsDynamoDBsOrderOfChecks() async throws {
        try await withServer(listening: false) { (server: TestServer) async throws in
            // Wrong content type: 404 with the tiny XML body, before anything else.
            let wrongType = await server.call("DynamoDB_20120810.ListTables", "{}", contentType: "application/x-amz-json-1.1")
            #expect(wrongType.status == 404)
            #expect(wrongType.text == "<UnknownOperationException/>\n")
            #expect(wrongType.header("x-amz-crc32") == "3552371480")
            // Bad JSON beats a bad target.
            let badJSON = await server.call("Nope.Nothing", "{bad")
            #expect(badJSON.status == 400)
            #expect(badJSON.text == #"{"__type":"com.amazon.coral.service#SerializationException"}"#)
            // Valid JSON, unknown target.
            let unknown = await server.call("DynamoDB_20120810.NoSuchThing", "{}")
            #expect(unknown.status == 400)
            #expect(unknown.text == #"{"__type":"com.amazon.coral.service#UnknownOperationException"}"#)
            let missing = await server.handle("POST", "/", headers: ["Content-Type": "application/x-amz-json-1.0"], body: Array("{}".utf8))
            #expect(missing.text == #"{"__type":"com.amazon.coral.service#UnknownOperationException"}"#)
            for response in [badJSON, unknown, missing] {
                #expect(response.header("x-amz-crc32") == String(CRC32.checksum(response.body)))
                #expect(RequestID.isValid(response.header("x-amzn-RequestId") ?? ""))
                #expect(response.header("Content-Type") == "application/x-amz-json-1.0")
            }
            // application/json is accepted and echoed.
            let json = await server.call("DynamoDB_20120810.NoSuchThing", "{}", contentType: "application/json")
            #expect(json.header("Content-Type") == "application/json")
        }
    }

    @Test func answersDynamoDBsHealthCheck() async throws {
        try await withServer(listening: false) { (server: TestServer) async throws in
            let root = await server.handle("GET", "/")
            #expect(root.status == 200)
            #expect(root.text == "healthy: dynamodb.us-east-1.amazonaws.com ")
        }
    }

    @Test func answersCORSPreflightsAndAllowsAnyOrigin() async throws {
        try await withServer(listening: false) { (server: TestServer) async throws in
            let preflight = await server.handle(
                "OPTIONS", "/",
                headers: ["Origin": "http://x", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "x-amz-target"])
            #expect(preflight.status == 200)
            #expect(preflight.header("Access-Control-Max-Age") == "172800")
            #expect(preflight.header("Access-Control-Allow-Methods") == "POST")
            let withOrigin = await server.handle(
                "POST", "/", headers: ["Origin": "http://x", "Content-Type": "application/x-amz-json-1.0"], body: Array("{}".utf8))
            #expect(withOrigin.header("Access-Control-Allow-Origin") == "*")
            let put = await server.handle("OPTIONS", "/")
            #expect(put.status == 404)
        }
    }

    @Test func adminEndpoints() async throws {
        try await withServer(listening: false) { (server: TestServer) async throws in
            #expect(await server.handle("POST", "/_dynamotrail/reset").status == 200)
            #expect(await server.handle("POST", "/moto-api/reset").status == 200)
            let flush = await server.handle("POST", "/_dynamotrail/flush")
            #expect(flush.status == 200)
            #expect(try JSONParser.parse(flush.body)["keys"]?.arrayValue != nil)
            #expect(await server.handle("GET", "/_dynamotrail/reset").status == 405)
            #expect(await server.handle("GET", "/_dynamotrail/nothing").status == 404)
        }
    }
}
