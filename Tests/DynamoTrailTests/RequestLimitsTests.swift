import AWSProtocol
import CloudTrail
import Foundation
import TestSupport
import Testing

/// What a request may carry is what its record can hold: the deepest accepted CreateTable is
/// recorded and read back by `events`' reader and the history refill; one level deeper is refused
/// with a SerializationException. A repeated member is acted on and recorded with the same value.
@Suite struct RequestLimitsTests {
    static func createTable(_ name: String, extra: String = "") -> String {
        #"{"TableName":"\#(name)","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"\#(extra)}"#
    }

    /// `,"Extra":…` making the whole body `depth` levels deep.
    static func extra(depth: Int) -> String {
        let inner = depth - 1
        return #","Extra":"# + String(repeating: "[", count: inner) + String(repeating: "]", count: inner)
    }

    static func records(_ server: TestServer) -> (records: [LogRecord], problems: [LogReaderError]) {
        var records: [LogRecord] = []
        var problems: [LogReaderError] = []
        LogReader(bucketRoot: server.bucket.path).forEachRecord(onError: { problems.append($0) }) { records.append($0) }
        return (records, problems)
    }

    @Test func theDeepestAcceptedRequestIsRecordedReadableAndOneDeeperIsRefused() async throws {
        try await withServer(listening: false) { (server: TestServer) async throws in
            let deepest = await server.call(
                "DynamoDB_20120810.CreateTable", Self.createTable("Deepest", extra: Self.extra(depth: JSONLimits.maximumRequestDepth)))
            #expect(deepest.status == 200)
            let deeper = await server.call(
                "DynamoDB_20120810.CreateTable", Self.createTable("Deeper", extra: Self.extra(depth: JSONLimits.maximumRequestDepth + 1)))
            #expect(deeper.status == 400)
            #expect(deeper.text == #"{"__type":"com.amazon.coral.service#SerializationException"}"#)
            let tables = await server.call("DynamoDB_20120810.ListTables", "{}")
            #expect(try JSONParser.parse(tables.body)["TableNames"] == ["Deepest"])
            _ = await server.server.flush()
            let (records, problems) = Self.records(server)
            #expect(problems.isEmpty, "\(problems)")
            let created = records.first { $0.value["eventName"] == "CreateTable" }
            #expect(created?.value["requestParameters"]?.nestingDepth == JSONLimits.maximumRequestDepth)
            // The history refill of a restarted server finds it too.
            let history = EventHistory(clock: SystemWallClock())
            var skipped: [LogReaderError] = []
            let loaded = history.load(
                from: LogReader(bucketRoot: server.bucket.path), resources: { _ in [] }, onSkipped: { skipped.append($0) })
            #expect(loaded == records.count)
            #expect(skipped.isEmpty)
        }
    }

    @Test func aRepeatedMemberIsActedOnAndRecordedWithTheSameValue() async throws {
        try await withServer(listening: false) { (server: TestServer) async throws in
            let body = Self.createTable("First", extra: #","TableName":"Last""#)
            let response = await server.call("DynamoDB_20120810.CreateTable", body)
            #expect(response.status == 200)
            #expect(try JSONParser.parse(response.body)["TableDescription"]?["TableName"] == "Last")
            let tables = await server.call("DynamoDB_20120810.ListTables", "{}")
            #expect(try JSONParser.parse(tables.body)["TableNames"] == ["Last"])
            _ = await server.server.flush()
            let record = try #require(Self.records(server).records.first { $0.value["eventName"] == "CreateTable" })
            #expect(record.value["requestParameters"]?["tableName"] == "Last")
            #expect(record.value["requestParameters"]?.objectValue?.keys.filter { $0 == "tableName" }.count == 1)
            #expect(!String(decoding: record.bytes, as: UTF8.self).contains("First"))
        }
    }
}
