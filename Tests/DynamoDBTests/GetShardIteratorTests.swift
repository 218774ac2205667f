import AWSProtocol
import Testing

@testable import DynamoDB

/// GetShardIterator and GetRecords: iterators over an empty shard.
@Suite struct GetShardIteratorTests {
    func tableWithStream(_ h: Harness, _ name: String) async throws -> String {
        let d = try await h.createBasic(name, ["StreamSpecification": ["StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"]])
        return try #require(d["TableDescription"]?["LatestStreamArn"]?.stringValue)
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
        #expect(
            await h.fail(
                "GetShardIterator", ["StreamArn": .string(arn), "ShardId": shardId, "ShardIteratorType": "AT_SEQUENCE_NUMBER"],
                service: .streams)?.code == "ValidationException")
        #expect(
            await h.fail(
                "GetShardIterator",
                ["StreamArn": .string(arn), "ShardId": "shardId-00000000000000000000-00000000", "ShardIteratorType": "LATEST"],
                service: .streams)?.code == "ResourceNotFoundException")
    }
}
