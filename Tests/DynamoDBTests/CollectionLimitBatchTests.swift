import AWSProtocol
import DynamoDBItems
import Foundation
import Testing

@testable import DynamoDB

/// The item-collection limit of tables with local secondary indexes in BatchWriteItem and TransactWriteItems:
/// the size each collection reaches after all of the call's writes is checked (a batch is refused whole, a
/// transaction cancelled with `ItemCollectionSizeLimitExceeded` for the action that grows it), and
/// `ItemCollectionMetrics` are answered from the running sizes.
@Suite struct CollectionLimitBatchTests {
    private static func lsiTable(_ h: Harness) async throws {
        try await h.ok(
            "CreateTable",
            [
                "TableName": "coll", "BillingMode": "PAY_PER_REQUEST",
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

    private static func item(_ sk: String, _ pad: Int, partition: String = "p") -> JSONValue {
        [
            "pk": ["S": .string(partition)], "sk": ["S": .string(sk)], "l": ["N": "1"],
            "pad": ["S": .string(String(repeating: "x", count: pad))],
        ]
    }

    /// Item size by AWS's rules plus its KEYS_ONLY entry in `byL` (pk, sk, l), for a one-letter `sk` and `pk`.
    private static func bytes(pad: Int) -> Int { (2 + 1 + 2 + 1 + 3 + pad + 1 + 2) + (2 + 1 + 2 + 1 + 1 + 2) }

    private static func put(_ sk: String, _ pad: Int, partition: String = "p") -> JSONValue {
        ["PutRequest": ["Item": item(sk, pad, partition: partition)]]
    }

    private static func batch(_ requests: [JSONValue]) -> JSONValue {
        ["RequestItems": ["coll": .array(requests)], "ReturnItemCollectionMetrics": "SIZE"]
    }

    private static func runningSize(_ h: Harness, _ partition: String) async -> Int? {
        await h.plane.itemTables.collectionSizes.values.first?[.string(partition)]
    }

    @Test func aBatchThatWouldGrowACollectionPastTheLimitIsRefusedWhole() async throws {
        let one = Self.bytes(pad: 100)
        let h = Harness { $0.itemCollectionSizeLimitBytes = 3 * one }
        try await Self.lsiTable(h)
        let first = try await h.ok(
            "BatchWriteItem", Self.batch([Self.put("a", 100), Self.put("b", 100), Self.put("a", 100, partition: "q")]))
        #expect(
            first["ItemCollectionMetrics"]?["coll"]
                == [
                    ["ItemCollectionKey": ["pk": ["S": "p"]], "SizeEstimateRangeGB": [.double(0), .double(1)]],
                    ["ItemCollectionKey": ["pk": ["S": "q"]], "SizeEstimateRangeGB": [.double(0), .double(1)]],
                ])
        #expect(await Self.runningSize(h, "p") == 2 * one)
        // Two more items in p: each alone would fit, together they do not; nothing of the batch is written.
        let refused = await h.fail(
            "BatchWriteItem", Self.batch([Self.put("c", 100), Self.put("b", 100, partition: "q"), Self.put("d", 100)]))
        #expect(
            refused
                == AWSServiceError(
                    type: DynamoDBError.namespace + "ItemCollectionSizeLimitExceededException", message: "Collection size exceeded."))
        let q = try await h.ok("GetItem", ["TableName": "coll", "Key": ["pk": ["S": "q"], "sk": ["S": "b"]]])
        #expect(q["Item"] == nil)
        #expect(await Self.runningSize(h, "p") == 2 * one)
        // A delete in the same batch makes room: the size after all of the batch's writes is what counts.
        let deleteA: JSONValue = ["DeleteRequest": ["Key": ["pk": ["S": "p"], "sk": ["S": "a"]]]]
        try await h.ok("BatchWriteItem", Self.batch([Self.put("c", 100), deleteA, Self.put("d", 100)]))
        #expect(await Self.runningSize(h, "p") == 3 * one)
        // Shrinking writes are served even at the limit.
        try await h.ok("BatchWriteItem", Self.batch([Self.put("c", 50)]))
        #expect(await Self.runningSize(h, "p") == 3 * one - 50)
    }

    private static func transactPut(_ sk: String, _ pad: Int) -> JSONValue {
        ["Put": ["TableName": "coll", "Item": item(sk, pad)]]
    }

    @Test func aTransactionThatWouldGrowACollectionPastTheLimitIsCancelledForThatAction() async throws {
        let one = Self.bytes(pad: 100)
        let h = Harness { $0.itemCollectionSizeLimitBytes = 3 * one }
        try await Self.lsiTable(h)
        let first = try await h.ok(
            "TransactWriteItems",
            ["TransactItems": [Self.transactPut("a", 100), Self.transactPut("b", 100)], "ReturnItemCollectionMetrics": "SIZE"])
        #expect(first["ItemCollectionMetrics"]?["coll"]?.arrayValue?.count == 2)
        #expect(await Self.runningSize(h, "p") == 2 * one)
        let check: JSONValue = [
            "ConditionCheck": [
                "TableName": "coll", "Key": ["pk": ["S": "p"], "sk": ["S": "a"]], "ConditionExpression": "attribute_exists(pk)",
            ]
        ]
        let refused = await h.fail(
            "TransactWriteItems", ["TransactItems": [check, Self.transactPut("c", 100), Self.transactPut("d", 100)]])
        #expect(refused?.type == DynamoDBError.namespace + "TransactionCanceledException")
        #expect(
            refused?.message
                == "Transaction cancelled, please refer cancellation reasons for specific reasons [None, None, ItemCollectionSizeLimitExceeded]"
        )
        #expect(
            refused?.extraMembers["CancellationReasons"]
                == [
                    ["Code": "None"], ["Code": "None"],
                    ["Code": "ItemCollectionSizeLimitExceeded", "Message": "Collection size exceeded."],
                ])
        #expect(await Self.runningSize(h, "p") == 2 * one)
        let c = try await h.ok("GetItem", ["TableName": "coll", "Key": ["pk": ["S": "p"], "sk": ["S": "c"]]])
        #expect(c["Item"] == nil)
        // With a delete in the same transaction the collection ends within the limit.
        let deleteA: JSONValue = ["Delete": ["TableName": "coll", "Key": ["pk": ["S": "p"], "sk": ["S": "a"]]]]
        let served = try await h.ok(
            "TransactWriteItems",
            ["TransactItems": [Self.transactPut("c", 100), deleteA, Self.transactPut("d", 100)], "ReturnItemCollectionMetrics": "SIZE"])
        #expect(served["ItemCollectionMetrics"]?["coll"]?.arrayValue?.count == 3)
        #expect(await Self.runningSize(h, "p") == 3 * one)
    }

    @Test func transactionMetricsFollowTheRunningSizeWithoutAWalk() async throws {
        let h = Harness()
        try await Self.lsiTable(h)
        try await h.ok("PutItem", ["TableName": "coll", "Item": Self.item("a", 10)])
        let answer = try await h.ok(
            "TransactWriteItems",
            ["TransactItems": [Self.transactPut("b", 20)], "ReturnItemCollectionMetrics": "SIZE"])
        #expect(
            answer["ItemCollectionMetrics"]
                == ["coll": [["ItemCollectionKey": ["pk": ["S": "p"]], "SizeEstimateRangeGB": [.double(0), .double(1)]]]])
        let table = try await SecondaryIndexItemsTests.table(h, "coll")
        let store = try #require(await h.plane.itemTables.store(of: table))
        var walked = 0
        store.query(partition: .string("p")) { item, _ in
            walked += ItemCollectionMetrics.bytes(of: item, in: table)
            return true
        }
        #expect(walked == Self.bytes(pad: 10) + Self.bytes(pad: 20))
        #expect(await Self.runningSize(h, "p") == walked)
    }
}
