import AWSProtocol
import Foundation
import TestSupport
import Testing

@testable import CallHandling
@testable import CloudTrailService
@testable import DynamoTrail

@Suite struct RouterTests {
    @Test func healthAnswersJSON() async throws {
        let server = try await TestServer()
        let client = TestHTTPClient(baseURL: server.baseURL)
        let response = try await client.send("GET", "/_dynamotrail/health")
        #expect(response.status == 200)
        #expect(try JSONParser.parse(response.body)["status"] == "ok")
        #expect(RequestID.isValid(response.header("x-amzn-RequestId") ?? ""))
        await server.stop()
    }

    @Test func followsDynamoDBsOrderOfChecks() async throws {
        let server = try await TestServer()
        let client = TestHTTPClient(baseURL: server.baseURL)
        // Wrong content type: 404 with the tiny XML body, before anything else.
        let wrongType = try await client.call("DynamoDB_20120810.ListTables", "{}", contentType: "application/x-amz-json-1.1")
        #expect(wrongType.status == 404)
        #expect(wrongType.text == "<UnknownOperationException/>\n")
        #expect(wrongType.header("x-amz-crc32") == "3552371480")
        // Bad JSON beats a bad target.
        let badJSON = try await client.call("Nope.Nothing", "{bad")
        #expect(badJSON.status == 400)
        #expect(badJSON.text == #"{"__type":"com.amazon.coral.service#SerializationException"}"#)
        // Valid JSON, unknown target.
        let unknown = try await client.call("DynamoDB_20120810.NoSuchThing", "{}")
        #expect(unknown.status == 400)
        #expect(unknown.text == #"{"__type":"com.amazon.coral.service#UnknownOperationException"}"#)
        let missing = try await client.send("POST", "/", headers: ["Content-Type": "application/x-amz-json-1.0"], body: Array("{}".utf8))
        #expect(missing.text == #"{"__type":"com.amazon.coral.service#UnknownOperationException"}"#)
        for response in [badJSON, unknown, missing] {
            #expect(response.header("x-amz-crc32") == String(CRC32.checksum(response.body)))
            #expect(RequestID.isValid(response.header("x-amzn-RequestId") ?? ""))
            #expect(response.header("Content-Type") == "application/x-amz-json-1.0")
        }
        // application/json is accepted and echoed.
        let json = try await client.call("DynamoDB_20120810.NoSuchThing", "{}", contentType: "application/json")
        #expect(json.header("Content-Type") == "application/json")
        await server.stop()
    }

    @Test func answersDynamoDBsHealthCheckAndCORS() async throws {
        let server = try await TestServer()
        let client = TestHTTPClient(baseURL: server.baseURL)
        let root = try await client.send("GET", "/")
        #expect(root.status == 200)
        #expect(root.text == "healthy: dynamodb.us-east-1.amazonaws.com ")
        let preflight = try await client.send(
            "OPTIONS", "/",
            headers: ["Origin": "http://x", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "x-amz-target"])
        #expect(preflight.status == 200)
        #expect(preflight.header("Access-Control-Max-Age") == "172800")
        #expect(preflight.header("Access-Control-Allow-Methods") == "POST")
        let withOrigin = try await client.send(
            "POST", "/", headers: ["Origin": "http://x", "Content-Type": "application/x-amz-json-1.0"], body: Array("{}".utf8))
        #expect(withOrigin.header("Access-Control-Allow-Origin") == "*")
        let put = try await client.send("OPTIONS", "/")
        #expect(put.status == 404)
        await server.stop()
    }

    @Test func adminEndpoints() async throws {
        let server = try await TestServer()
        let client = TestHTTPClient(baseURL: server.baseURL)
        #expect(try await client.send("POST", "/_dynamotrail/reset").status == 200)
        #expect(try await client.send("POST", "/moto-api/reset").status == 200)
        let flush = try await client.send("POST", "/_dynamotrail/flush")
        #expect(flush.status == 200)
        #expect(try JSONParser.parse(flush.body)["keys"]?.arrayValue != nil)
        #expect(try await client.send("GET", "/_dynamotrail/reset").status == 405)
        #expect(try await client.send("GET", "/_dynamotrail/nothing").status == 404)
        await server.stop()
    }
}
