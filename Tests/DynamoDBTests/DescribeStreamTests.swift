import AWSProtocol
import Testing

@testable import DynamoDB

/// DescribeStream (DynamoDB Streams).
@Suite struct DescribeStreamTests {
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
        let after = try await h.ok(
            "DescribeStream", ["StreamArn": .string(arn), "ExclusiveStartShardId": .string(shardId)], service: .streams)
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
        #expect(
            await h.fail("DescribeStream", ["StreamArn": .string(arn)], service: .streams)?.message
                == "Requested resource not found: Stream: \(arn) not found")
    }
}
