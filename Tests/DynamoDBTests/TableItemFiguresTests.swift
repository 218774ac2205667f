import AWSProtocol
import Testing

@testable import DynamoDB

/// UpdateTable and DeleteTable answer the same `ItemCount` and `TableSizeBytes` as DescribeTable (AWS:
/// "TableDescription", "updated approximately every six hours"), refreshed as `itemCountRefreshSeconds` says.
@Suite struct TableItemFiguresTests {
    private static func putItems(_ h: Harness, _ table: String, count: Int) async throws {
        for index in 0..<count {
            try await h.ok("PutItem", ["TableName": .string(table), "Item": ["pk": ["S": .string("k\(index)")], "n": ["N": "1"]]])
        }
    }

    @Test func liveFiguresInUpdateAndDeleteAnswers() async throws {
        let h = Harness { $0.updateSeconds = 0 }
        try await h.createBasic("full")
        try await Self.putItems(h, "full", count: 3)
        let described = try #require(try await h.ok("DescribeTable", ["TableName": "full"])["Table"])
        #expect(described["ItemCount"] == 3)
        let size = try #require(described["TableSizeBytes"])
        #expect(size != 0)
        let throughput = try await h.ok(
            "UpdateTable", ["TableName": "full", "ProvisionedThroughput": ["ReadCapacityUnits": 6, "WriteCapacityUnits": 5]])
        #expect(throughput["TableDescription"]?["ItemCount"] == 3)
        #expect(throughput["TableDescription"]?["TableSizeBytes"] == size)
        let protection = try await h.ok("UpdateTable", ["TableName": "full", "DeletionProtectionEnabled": false])
        #expect(protection["TableDescription"]?["ItemCount"] == 3)
        let deleted = try await h.ok("DeleteTable", ["TableName": "full"])
        #expect(deleted["TableDescription"]?["ItemCount"] == 3)
        #expect(deleted["TableDescription"]?["TableSizeBytes"] == size)
    }

    @Test func refreshPeriodHoldsInUpdateAndDeleteAnswers() async throws {
        let h = Harness {
            $0.updateSeconds = 0
            $0.itemCountRefreshSeconds = 21600
        }
        try await h.createBasic("slow")
        try await Self.putItems(h, "slow", count: 2)
        let early = try await h.ok("UpdateTable", ["TableName": "slow", "DeletionProtectionEnabled": false])
        #expect(early["TableDescription"]?["ItemCount"] == 0)
        #expect(early["TableDescription"]?["TableSizeBytes"] == 0)
        h.clock.advance(by: 21600)
        let later = try await h.ok(
            "UpdateTable", ["TableName": "slow", "ProvisionedThroughput": ["ReadCapacityUnits": 6, "WriteCapacityUnits": 5]])
        #expect(later["TableDescription"]?["ItemCount"] == 2)
        try await Self.putItems(h, "slow", count: 4)
        let deleted = try await h.ok("DeleteTable", ["TableName": "slow"])
        #expect(deleted["TableDescription"]?["ItemCount"] == 2)
    }
}
