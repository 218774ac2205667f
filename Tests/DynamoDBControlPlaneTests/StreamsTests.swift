import AWSProtocol
import Testing

@testable import DynamoDBControlPlane

@Suite struct StreamsTests {
    func tableWithStream(_ h: Harness, _ name: String) async throws -> String {
        let d = try await h.createBasic(name, ["StreamSpecification": ["StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"]])
        return try #require(d["TableDescription"]?["LatestStreamArn"]?.stringValue)
    }

    @Test func describeStreamShape() async throws {
        let h = Harness()
        let arn = try await tableWithStream(h, "fsm")
        let d = try #require(try await h.ok("DescribeStream", ["StreamArn": .string(arn)], service: .streams)["StreamDescription"])
        #expect(
            d.keys == [
                "StreamArn", "StreamLabel", "StreamStatus", "StreamViewType", "CreationRequestDateTime", "TableName",
                "KeySchema", "Shards",
            ])
        #expect(d["StreamStatus"] == "ENABLED")
        #expect(d["StreamLabel"] == "2026-01-01T00:00:00.250")
        #expect(d["TableName"] == "fsm")
        let shard = try #require(d["Shards"]?.arrayValue?.first)
        let shardId = try #require(shard["ShardId"]?.stringValue)
        #expect(shardId.hasPrefix("shardId-00000001767225600250-") && shardId.count == 37)
        #expect(shard["SequenceNumberRange"]?["EndingSequenceNumber"] == nil)
        let start = try #require(shard["SequenceNumberRange"]?["StartingSequenceNumber"]?.stringValue)
        #expect(start.count >= 21 && start.allSatisfy(\.isNumber))
        let after = try await h.ok("DescribeStream", ["StreamArn": .string(arn), "ExclusiveStartShardId": .string(shardId)], service: .streams)
        #expect(after["StreamDescription"]?["Shards"] == [])
    }

    @Test func enablingAndDisablingFollowTheClock() async throws {
        let h = Harness {
            $0.createSeconds = 3
            $0.updateSeconds = 4
        }
        let arn = try await tableWithStream(h, "clk")
        let status: () async throws -> JSONValue? = {
            try await h.ok("DescribeStream", ["StreamArn": .string(arn)], service: .streams)["StreamDescription"]?["StreamStatus"]
        }
        #expect(try await status() == "ENABLING")
        h.clock.advance(by: 3)
        #expect(try await status() == "ENABLED")
        try await h.ok("UpdateTable", ["TableName": "clk", "StreamSpecification": ["StreamEnabled": false]])
        #expect(try await status() == "DISABLING")
        h.clock.advance(by: 4)
        #expect(try await status() == "DISABLED")
        let shard = try await h.ok("DescribeStream", ["StreamArn": .string(arn)], service: .streams)
        #expect(shard["StreamDescription"]?["Shards"]?.arrayValue?.first?["SequenceNumberRange"]?["EndingSequenceNumber"] != nil)
        h.clock.advance(by: 86_400)
        #expect(await h.fail("DescribeStream", ["StreamArn": .string(arn)], service: .streams)?.message
            == "Requested resource not found: Stream: \(arn) not found")
    }

    @Test func listStreamsFiltersAndPages() async throws {
        let h = Harness()
        let a = try await tableWithStream(h, "aaa")
        let b = try await tableWithStream(h, "bbb")
        try await h.createBasic("ccc")
        let all = try await h.ok("ListStreams", [:], service: .streams)
        #expect(all["Streams"]?.arrayValue?.compactMap { $0["StreamArn"]?.stringValue } == [a, b])
        #expect(all["Streams"]?.arrayValue?.first?.keys == ["StreamArn", "TableName", "StreamLabel"])
        #expect(all["LastEvaluatedStreamArn"] == nil)
        let first = try await h.ok("ListStreams", ["Limit": 1], service: .streams)
        #expect(first["LastEvaluatedStreamArn"] == .string(a))
        let second = try await h.ok("ListStreams", ["Limit": 1, "ExclusiveStartStreamArn": .string(a)], service: .streams)
        #expect(second["Streams"]?.arrayValue?.first?["StreamArn"] == .string(b))
        #expect(second["LastEvaluatedStreamArn"] == .string(b))
        let third = try await h.ok("ListStreams", ["Limit": 1, "ExclusiveStartStreamArn": .string(b)], service: .streams)
        #expect(third["Streams"] == [])
        #expect(third["LastEvaluatedStreamArn"] == nil)
        #expect(try await h.ok("ListStreams", ["TableName": "bbb"], service: .streams)["Streams"]?.arrayValue?.count == 1)
        #expect(try await h.ok("ListStreams", ["TableName": "ccc"], service: .streams)["Streams"] == [])
        #expect(try await h.ok("ListStreams", ["TableName": "nope"], service: .streams)["Streams"] == [])
    }

    @Test func shardIteratorsAndEmptyRecords() async throws {
        let h = Harness()
        let arn = try await tableWithStream(h, "itr")
        let described = try await h.ok("DescribeStream", ["StreamArn": .string(arn)], service: .streams)
        let shardId = try #require(described["StreamDescription"]?["Shards"]?.arrayValue?.first?["ShardId"])
        let iterator = try #require(
            try await h.ok(
                "GetShardIterator", ["StreamArn": .string(arn), "ShardId": shardId, "ShardIteratorType": "TRIM_HORIZON"],
                service: .streams)["ShardIterator"])
        let records = try await h.ok("GetRecords", ["ShardIterator": iterator], service: .streams)
        #expect(records["Records"] == [])
        #expect(records["NextShardIterator"]?.stringValue?.isEmpty == false)
        #expect(await h.fail("GetRecords", ["ShardIterator": "garbage"], service: .streams)?.message == "Invalid ShardIterator")
        #expect(await h.fail(
            "GetShardIterator", ["StreamArn": .string(arn), "ShardId": shardId, "ShardIteratorType": "AT_SEQUENCE_NUMBER"],
            service: .streams)?.code == "ValidationException")
        #expect(await h.fail(
            "GetShardIterator",
            ["StreamArn": .string(arn), "ShardId": "shardId-00000000000000000000-00000000", "ShardIteratorType": "LATEST"],
            service: .streams)?.code == "ResourceNotFoundException")
    }

    @Test func recognizesEachServicesOperations() {
        #expect(DynamoDBControlPlane.recognizes(.streams, operation: "GetRecords"))
        #expect(!DynamoDBControlPlane.recognizes(.streams, operation: "CreateTable"))
        #expect(DynamoDBControlPlane.recognizes(.dynamoDB, operation: "PurchaseReservedCapacityOfferings"))
        #expect(!DynamoDBControlPlane.recognizes(.dynamoDB, operation: "DescribeStream"))
        #expect(DynamoDBControlPlane.dynamoDBOperations.count == 60)
    }
}
