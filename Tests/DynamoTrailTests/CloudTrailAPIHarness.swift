import AWSProtocol
import CloudTrail
import Foundation
import TestSupport
import Testing

@testable import DynamoTrail

/// A server (delivery interval one hour, so files appear only on flush) with helpers for CloudTrail
/// and DynamoDB calls; answered in memory through the router, or over a socket when listening.
struct CloudTrailAPIHarness {
    static let target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101."
    static let trailARN = "arn:aws:cloudtrail:us-east-1:123456789012:trail/dynamotrail"

    let server: TestServer

    /// A lenient-mode Authorization header naming `key` (a 12-digit key names its account) and `region`.
    static func headers(service: String, key: String?, region: String?) -> [String: String] {
        guard let key else { return [:] }
        return LenientSignature.headers(accessKey: key, region: region ?? "us-east-1", service: service)
    }

    /// One request: through URLSession when the server listens, else to the router in memory.
    func send(_ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8] = []) async throws
        -> TestHTTPClient.Response
    {
        guard server.port != 0 else { return await server.handle(method, path, headers: headers, body: body) }
        return try await TestHTTPClient(baseURL: server.baseURL).send(method, path, headers: headers, body: body)
    }

    func cloudTrail(
        _ operation: String, _ body: String = "{}", key: String? = nil, region: String? = nil,
        prefix: String = CloudTrailAPIHarness.target
    ) async throws -> (status: Int, json: JSONValue, response: TestHTTPClient.Response) {
        var headers = Self.headers(service: "cloudtrail", key: key ?? "AKIAIOSFODNN7EXAMPLE", region: region)
        headers["X-Amz-Target"] = prefix + operation
        headers["Content-Type"] = "application/x-amz-json-1.1"
        let response = try await send("POST", "/", headers: headers, body: Array(body.utf8))
        return (response.status, (try? JSONParser.parse(response.body)) ?? .null, response)
    }

    @discardableResult
    func dynamoDB(_ operation: String, _ body: String = "{}", key: String? = nil, region: String? = nil) async throws -> Int {
        var headers = Self.headers(service: "dynamodb", key: key ?? "AKIAIOSFODNN7EXAMPLE", region: region)
        headers["X-Amz-Target"] = "DynamoDB_20120810." + operation
        headers["Content-Type"] = "application/x-amz-json-1.0"
        return try await send("POST", "/", headers: headers, body: Array(body.utf8)).status
    }

    func createTable(_ name: String) async throws {
        let status = try await dynamoDB(
            "CreateTable",
            #"{"TableName":"\#(name)","AttributeDefinitions":[{"AttributeName":"k","AttributeType":"S"}],"KeySchema":[{"AttributeName":"k","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}"#
        )
        #expect(status == 200)
    }

    func lookup(_ body: String, key: String? = nil, region: String? = nil) async throws -> JSONValue {
        let result = try await cloudTrail("LookupEvents", body, key: key, region: region)
        #expect(result.status == 200, "\(result.response.text)")
        return result.json
    }

    func flush() async throws { _ = try await send("POST", "/_dynamotrail/flush") }

    /// Every delivered record, by eventID.
    func delivered() -> [String: LogRecord] {
        var records: [String: LogRecord] = [:]
        LogReader(bucketRoot: server.bucket.path).forEachRecord { record in
            if let id = record.value["eventID"]?.stringValue { records[id] = record }
        }
        return records
    }
}

/// Runs `body` with a harness around a started server (in memory unless `listening`), and always stops
/// the server and removes its directory afterwards, also when `body` throws.
func withHarness<T>(
    listening: Bool = false, configure: (inout Configuration) -> Void = { _ in },
    _ body: (CloudTrailAPIHarness) async throws -> T
) async throws -> T {
    try await withServer(
        listening: listening,
        configure: { configuration in
            configuration.trail.deliveryIntervalSeconds = 3600
            configure(&configuration)
        },
        { (server: TestServer) async throws in try await body(CloudTrailAPIHarness(server: server)) }
    )
}
