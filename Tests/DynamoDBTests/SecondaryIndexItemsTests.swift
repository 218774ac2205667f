import AWSProtocol
import DynamoDBItems
import Foundation
import Testing

@testable import DynamoDB

/// Items and secondary indexes in the service: multi-attribute GSI key checks on writes, which indexes Query
/// and Scan may read while an online index is CREATING, the item-collection limit of tables with local
/// secondary indexes (a small configured limit) and `ItemCollectionMetrics` from the running collection size.
@Suite struct SecondaryIndexItemsTests {
    private static func lsiTable(_ h: Harness, _ name: String) async throws {
        try await h.ok(
            "CreateTable",
            [
                "TableName": .string(name), "BillingMode": "PAY_PER_REQUEST",
                "AttributeDefinitions": [
                    ["AttributeName": "pk", "AttributeType": "S"], ["AttributeName": "sk", "AttributeType": "S"],
                    ["AttributeName": "l", "AttributeType": "N"],
                ],
                "KeySchema": [["AttributeName": "pk", "KeyType": "HASH"], ["AttributeName": "sk", "KeyType": "RANGE"]],
                "LocalSecondaryIndexes": [
                    [
                        "IndexName": "byL",
                        "KeySchema": [["AttributeName": "pk", "KeyType": "HASH"], ["AttributeName": "l", "KeyType": "RANGE"]],
                        "Projection": ["ProjectionType": "KEYS_ONLY"],
                    ]
                ],
            ])
    }

    private static func put(_ sk: String, _ pad: Int, partition: String = "p", l: String? = "1") -> JSONValue {
        var item: JSONObject = [
            "pk": ["S": .string(partition)], "sk": ["S": .string(sk)], "pad": ["S": .string(String(repeating: "x", count: pad))],
        ]
        if let l { item["l"] = ["N": .string(l)] }
        return ["TableName": "coll", "Item": .object(item), "ReturnItemCollectionMetrics": "SIZE"]
    }

    /// Item size by AWS's rules plus its KEYS_ONLY entry in `byL` (pk, sk, l) when it has `l`.
    private static func bytes(sk: String, pad: Int, partition: String = "p", hasL: Bool = true) -> Int {
        let item = 2 + partition.utf8.count + 2 + sk.utf8.count + 3 + pad + (hasL ? 1 + 2 : 0)
        return item + (hasL ? 2 + partition.utf8.count + 2 + sk.utf8.count + 1 + 2 : 0)
    }

    @Test func theItemCollectionLimitRefusesGrowthBeyondItAndMetricsFollowTheRunningSize() async throws {
        let one = Self.bytes(sk: "a", pad: 100)
        let h = Harness { $0.itemCollectionSizeLimitBytes = 3 * one }
        try await Self.lsiTable(h, "coll")
        let first = try await h.ok("PutItem", Self.put("a", 100))
        #expect(
            first["ItemCollectionMetrics"] == ["ItemCollectionKey": ["pk": ["S": "p"]], "SizeEstimateRangeGB": [.double(0), .double(1)]])
        try await h.ok("PutItem", Self.put("b", 100))
        try await h.ok("PutItem", Self.put("c", 100))
        let refused = await h.fail("PutItem", Self.put("d", 100))
        #expect(
            refused
                == AWSServiceError(
                    type: DynamoDBError.namespace + "ItemCollectionSizeLimitExceededException", message: "Collection size exceeded."))
        // Other collections are not affected; a write that does not grow the collection is served.
        try await h.ok("PutItem", Self.put("d", 100, partition: "q"))
        try await h.ok("PutItem", Self.put("c", 90))
        let grow = await h.fail(
            "UpdateItem",
            [
                "TableName": "coll", "Key": ["pk": ["S": "p"], "sk": ["S": "c"]], "UpdateExpression": "SET more = :m",
                "ExpressionAttributeValues": [":m": ["S": .string(String(repeating: "y", count: 40))]],
            ])
        #expect(grow?.type == DynamoDBError.namespace + "ItemCollectionSizeLimitExceededException")
        try await h.ok("DeleteItem", ["TableName": "coll", "Key": ["pk": ["S": "p"], "sk": ["S": "a"]]])
        try await h.ok("PutItem", Self.put("d", 100))
        // The running size equals a fresh walk of the collection.
        let table = try await Self.table(h, "coll")
        let store = try #require(await h.plane.itemTables.store(of: table))
        var walked = 0
        store.query(partition: .string("p")) { item, _ in
            walked += ItemCollectionMetrics.bytes(of: item, in: table)
            return true
        }
        #expect(walked == 3 * one - 10)
        #expect(await h.plane.itemTables.collectionSizes.values.first?[.string("p")] == walked)
    }

    @Test func itemsWithoutTheLocalIndexKeyCountOnlyTheirOwnSize() async throws {
        let h = Harness { $0.itemCollectionSizeLimitBytes = Self.bytes(sk: "a", pad: 10, hasL: false) * 2 }
        try await Self.lsiTable(h, "coll")
        try await h.ok("PutItem", Self.put("a", 10, l: nil))
        try await h.ok("PutItem", Self.put("b", 10, l: nil))
        #expect(await h.fail("PutItem", Self.put("c", 0, l: nil))?.message == "Collection size exceeded.")
    }

    static func table(_ h: Harness, _ name: String) async throws -> Table {
        try #require(await h.plane.regions[RegionKey(accountId: testAccount, region: testRegion)]?.tables[name])
    }

    @Test func indexesAreReadableOnceActive() async throws {
        let h = Harness {
            $0.updateSeconds = 10
            $0.createSeconds = 60
        }
        try await Self.lsiTable(h, "coll")
        h.clock.advance(by: 60)
        try await h.ok(
            "UpdateTable",
            [
                "TableName": "coll", "AttributeDefinitions": [["AttributeName": "g", "AttributeType": "S"]],
                "GlobalSecondaryIndexUpdates": [
                    [
                        "Create": [
                            "IndexName": "byG", "KeySchema": [["AttributeName": "g", "KeyType": "HASH"]],
                            "Projection": ["ProjectionType": "ALL"],
                        ]
                    ]
                ],
            ])
        var table = try await Self.table(h, "coll")
        #expect(table.indexReadError("byL", at: h.clock.now()) == nil)
        #expect(table.indexReadError("byG", at: h.clock.now())?.message == "Cannot read from backfilling global secondary index: byG")
        #expect(table.indexReadError("nope", at: h.clock.now())?.message == "The table does not have the specified index: nope")
        h.clock.advance(by: 30)
        #expect(table.indexReadError("byG", at: h.clock.now())?.message == "Cannot read from backfilling global secondary index: byG")
        h.clock.advance(by: 60)
        table = try await Self.table(h, "coll")
        #expect(table.indexReadError("byG", at: h.clock.now()) == nil)
        #expect(table.globalIndexes.first?.isReadable(at: h.clock.now()) == true)
    }

    @Test func multiAttributeIndexKeysAreTypeCheckedOnWrites() async throws {
        let h = Harness()
        try await h.ok(
            "CreateTable",
            [
                "TableName": "multi", "BillingMode": "PAY_PER_REQUEST",
                "AttributeDefinitions": [
                    ["AttributeName": "pk", "AttributeType": "S"], ["AttributeName": "h1", "AttributeType": "S"],
                    ["AttributeName": "h2", "AttributeType": "N"], ["AttributeName": "r1", "AttributeType": "B"],
                    ["AttributeName": "r2", "AttributeType": "S"],
                ],
                "KeySchema": [["AttributeName": "pk", "KeyType": "HASH"]],
                "GlobalSecondaryIndexes": [
                    [
                        "IndexName": "multi",
                        "KeySchema": [
                            ["AttributeName": "h1", "KeyType": "HASH"], ["AttributeName": "h2", "KeyType": "HASH"],
                            ["AttributeName": "r1", "KeyType": "RANGE"], ["AttributeName": "r2", "KeyType": "RANGE"],
                        ],
                        "Projection": ["ProjectionType": "ALL"],
                    ]
                ],
            ])
        let table = try await Self.table(h, "multi")
        let schema = try #require(table.secondaryIndexes.first?.schema)
        #expect(schema.partitionElements.map(\.name) == ["h1", "h2"] && schema.sortElements.map(\.name) == ["r1", "r2"])
        #expect(schema.sortElements.map(\.type) == [.binary, .string])
        let wrong = await h.fail("PutItem", ["TableName": "multi", "Item": ["pk": ["S": "a"], "h1": ["S": "x"], "h2": ["S": "1"]]])
        #expect(
            wrong?.message
                == "One or more parameter values were invalid: Type mismatch for Index Key h2 Expected: N Actual: S IndexName: multi")
        let wrongRange = await h.fail(
            "PutItem",
            ["TableName": "multi", "Item": ["pk": ["S": "a"], "h1": ["S": "x"], "h2": ["N": "1"], "r1": ["B": "AQ=="], "r2": ["N": "1"]]])
        #expect(
            wrongRange?.message
                == "One or more parameter values were invalid: Type mismatch for Index Key r2 Expected: S Actual: N IndexName: multi")
        try await h.ok(
            "PutItem",
            ["TableName": "multi", "Item": ["pk": ["S": "a"], "h1": ["S": "x"], "h2": ["N": "1"], "r1": ["B": "gA=="], "r2": ["S": "s"]]])
        try await h.ok("PutItem", ["TableName": "multi", "Item": ["pk": ["S": "b"], "h1": ["S": "x"], "h2": ["N": "1"]]])
        let described = try await h.ok("DescribeTable", ["TableName": "multi"])
        #expect(described["Table"]?["GlobalSecondaryIndexes"]?.arrayValue?.first?["ItemCount"] == 1)
    }
}
