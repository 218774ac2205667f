import AWSProtocol
import Testing

@testable import DynamoDB

/// DescribeStream's ShardFilter and GetShardIterator's shard checks (AWS: "ShardFilter", "GetShardIterator").
@Suite struct ShardFilterTests {
    func streamAndShard(_ h: Harness) async throws -> (arn: JSONValue, shardId: JSONValue) {
        let created = try await h.createBasic(
            "filtered", ["StreamSpecification": ["StreamEnabled": true, "StreamViewType": "KEYS_ONLY"]])
        let arn = try #require(created["TableDescription"]?["LatestStreamArn"])
        let described = try await h.ok("DescribeStream", ["StreamArn": arn], service: .streams)
        return (arn, try #require(described["StreamDescription"]?["Shards"]?.arrayValue?.first?["ShardId"]))
    }

    /// A stream here has one shard that never splits: its children are none.
    @Test func childShardsOfTheOnlyShardAreNone() async throws {
        let h = Harness()
        let (arn, shardId) = try await streamAndShard(h)
        let filtered = try await h.ok(
            "DescribeStream", ["StreamArn": arn, "ShardFilter": ["Type": "CHILD_SHARDS", "ShardId": shardId]], service: .streams)
        #expect(filtered["StreamDescription"]?["Shards"] == [])
        #expect(filtered["StreamDescription"]?["StreamStatus"] != nil)
    }

    @Test func filterMembersAreValidatedTogether() async throws {
        let h = Harness()
        let (arn, _) = try await streamAndShard(h)
        let error = await h.fail(
            "DescribeStream", ["StreamArn": arn, "Limit": 0, "ShardFilter": ["Type": "X", "ShardId": "short"]], service: .streams)
        #expect(error?.message?.hasPrefix("3 validation errors detected: ") == true)
        #expect(
            error?.message?.contains(
                "at 'shardFilter.type' failed to satisfy constraint: Member must satisfy enum value set: [CHILD_SHARDS]") == true)
    }

    @Test func unknownShardDoesNotExist() async throws {
        let h = Harness()
        let (arn, _) = try await streamAndShard(h)
        let error = await h.fail(
            "GetShardIterator",
            ["StreamArn": arn, "ShardId": "shardId-00000000000000000000-00000000", "ShardIteratorType": "LATEST"],
            service: .streams)
        #expect(error?.type == "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException")
        #expect(error?.message == "Requested resource not found: Shard does not exist")
    }
}
