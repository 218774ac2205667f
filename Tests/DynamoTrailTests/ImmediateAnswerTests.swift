import AWSProtocol
import CloudTrail
import Dispatch
import Foundation
import HTTPServer
import TestSupport
import Testing

@testable import DynamoTrail

/// DynamoDB calls are answered on the connection's Dispatch thread (`Router.handleImmediately`) with the
/// same answer and record as through Swift concurrency (`Router.handle`); other requests are left to `handle`.
@Suite struct ImmediateAnswerTests {
    static let table =
        #"{"TableName":"Music","AttributeDefinitions":[{"AttributeName":"Artist","AttributeType":"S"}],"KeySchema":[{"AttributeName":"Artist","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}"#

    /// A request as the connection hands it over.
    static func request(_ method: String = "POST", target: String?, body: String, path: String = "/") -> HTTPRequest {
        var headers = HTTPHeaders()
        headers.add("Host", "127.0.0.1")
        if let target { headers.add("X-Amz-Target", target) }
        headers.add(
            "Content-Type",
            target?.hasPrefix("com.amazonaws.cloudtrail") == true ? "application/x-amz-json-1.1" : "application/x-amz-json-1.0")
        return HTTPRequest(method: method, target: path, headers: headers, body: Array(body.utf8), remoteAddress: "127.0.0.1")
    }

    /// `handleImmediately`, called from a Dispatch thread as the connection calls it (it blocks).
    static func immediately(_ server: TestServer, _ request: HTTPRequest) async -> HTTPResponse? {
        let router = server.server.router
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: router.handleImmediately(request)) }
        }
    }

    @Test func aDynamoDBCallIsAnsweredImmediatelyAsHandleAnswersItAndIsRecordedBeforeTheAnswer() async throws {
        try await withServer(listening: false) { server in
            #expect(await server.call("DynamoDB_20120810.CreateTable", Self.table).status == 200)
            let describe = Self.request(target: "DynamoDB_20120810.DescribeTable", body: #"{"TableName":"Music"}"#)
            let viaTask = await server.server.router.handle(describe)
            let answer = try #require(await Self.immediately(server, describe))
            #expect(answer.status == 200)
            let fields = ["Content-Type", "x-amz-crc32"].map { answer.headers[$0] }
            #expect(fields == ["Content-Type", "x-amz-crc32"].map { viaTask.headers[$0] })
            #expect(answer.headers["x-amzn-RequestId"] != nil)
            #expect(try JSONParser.parse(answer.body) == JSONParser.parse(viaTask.body))
            let missing = try #require(
                await Self.immediately(server, Self.request(target: "DynamoDB_20120810.DescribeTable", body: #"{"TableName":"Nope"}"#)))
            #expect(missing.status == 400)
            #expect(try JSONParser.parse(missing.body)["__type"] == "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException")
            let malformed = try #require(await Self.immediately(server, Self.request(target: "DynamoDB_20120810.DescribeTable", body: "{")))
            #expect(try JSONParser.parse(malformed.body)["__type"] == "com.amazon.coral.service#SerializationException")

            _ = await server.server.flush()
            var records: [(String, String?)] = []
            LogReader(bucketRoot: server.bucket.path).forEachRecord {
                records.append(($0.value["eventName"]?.stringValue ?? "", $0.value["errorCode"]?.stringValue))
            }
            let names = records.map(\.0).sorted()
            #expect(names == ["CreateTable", "DescribeTable", "DescribeTable", "DescribeTable"])
            #expect(records.compactMap(\.1) == ["ResourceNotFoundException"])
        }
    }

    @Test func otherRequestsAreLeftToHandle() async throws {
        try await withServer(listening: false) { server in
            let large = #"{"TableName":"Music","Pad":""# + String(repeating: "x", count: Router.largeBodyBytes) + #""}"#
            for request in [
                Self.request(target: "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails", body: "{}"),
                Self.request(target: "DynamoDB_20120810.DescribeTable", body: large),
                Self.request("GET", target: nil, body: ""),
                Self.request(target: nil, body: "{}"),
                Self.request(target: "DynamoDB_20120810.ListTables", body: "{}", path: "/_dynamotrail/health"),
            ] {
                #expect(await Self.immediately(server, request) == nil)
            }
        }
    }

    @Test func batchFsyncAnswersThroughHandleSoEachAnswerWaitsForItsGroupCommit() async throws {
        try await withServer(listening: false, configure: { $0.journal.fsync = .batch }) { server in
            let list = Self.request(target: "DynamoDB_20120810.ListTables", body: "{}")
            #expect(await Self.immediately(server, list) == nil)
            #expect(await server.server.router.handle(list).status == 200)
        }
    }

    @Test func anItemCallOverASocketIsRecordedAsADataEventWithItsTablesKey() async throws {
        try await withHarness(listening: true) { harness in
            try await harness.createTable("Music")
            #expect(try await harness.cloudTrail("PutEventSelectors", DataEventsTests.allTables).status == 200)
            let put = try await DataEventsTests.item(harness, "PutItem", DataEventsTests.putItem)
            #expect(put.status == 200)
            #expect(put.json["ConsumedCapacity"]?["TableName"] == "Music")
            try await harness.flush()
            let records = DataEventsTests.records(harness, named: "PutItem")
            #expect(records.count == 1)
            #expect(records.first?["eventCategory"] == "Data")
            #expect(records.first?["requestParameters"]?["key"] == ["k": "No One You Know"])
        }
    }
}
