import AWSProtocol
import Foundation
import Testing

@testable import DynamoDB

/// TransactGetItems from values: answers in request order with per-action projections, an empty object for
/// a missing item, two read units per 4 KB, and the refusals shared with TransactWriteItems.
@Suite struct TransactGetItemsTests {
    static func get(_ table: String, _ pk: String, _ extra: String = "") -> String {
        #"{"Get":{"TableName":"\#(table)","Key":{"pk":{"S":"\#(pk)"}}\#(extra)}}"#
    }

    static func transact(_ gets: [String], _ extra: String = "") -> JSONValue {
        json(#"{"TransactItems":[\#(gets.joined(separator: ","))]\#(extra)}"#)
    }

    @Test func answersEachGetInRequestOrderWithItsProjection() async throws {
        let harness = Harness()
        try await harness.createBasic("one")
        try await harness.createBasic("two")
        try await harness.ok("PutItem", json(#"{"TableName":"one","Item":{"pk":{"S":"a"},"x":{"N":"1"},"y":{"N":"2"}}}"#))
        try await harness.ok("PutItem", json(#"{"TableName":"two","Item":{"pk":{"S":"b"},"z":{"S":"zz"}}}"#))
        let answer = try await harness.ok(
            "TransactGetItems",
            Self.transact([
                Self.get("two", "b"), Self.get("one", "missing"),
                Self.get("one", "a", ##","ProjectionExpression":"#x","ExpressionAttributeNames":{"#x":"x"}"##),
            ]))
        #expect(answer.keys == ["Responses"])
        #expect(answer["Responses"] == [["Item": ["pk": ["S": "b"], "z": ["S": "zz"]]], [:], ["Item": ["x": ["N": "1"]]]])
    }

    @Test func consumedCapacityIsTwoUnitsPerFourKilobytes() async throws {
        let harness = Harness()
        try await harness.createBasic("one")
        let five = String(repeating: "x", count: 5_000)
        try await harness.ok("PutItem", json(#"{"TableName":"one","Item":{"pk":{"S":"a"},"b":{"S":"\#(five)"}}}"#))
        let answer = try await harness.ok(
            "TransactGetItems", Self.transact([Self.get("one", "a"), Self.get("one", "none")], #","ReturnConsumedCapacity":"INDEXES""#))
        let expected = json(
            #"[{"TableName":"one","CapacityUnits":6,"ReadCapacityUnits":6,"Table":{"CapacityUnits":6,"ReadCapacityUnits":6}}]"#)
        #expect(answer["ConsumedCapacity"] == expected)
        #expect(answer.keys == ["ConsumedCapacity", "Responses"])
    }

    @Test func aKeyTheTableRefusesCancelsWithAValidationError() async throws {
        let harness = Harness()
        try await harness.createBasic("one")
        let error = await harness.fail(
            "TransactGetItems", json(#"{"TransactItems":[{"Get":{"TableName":"one","Key":{"pk":{"N":"1"}}}}]}"#))
        #expect(error?.message == "Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError]")
        #expect(
            error?.extraMembers["CancellationReasons"]
                == [["Code": "ValidationError", "Message": "The provided key element does not match the schema"]])
    }

    @Test func oneHundredGetsPassAndOneHundredOneAreRefused() async throws {
        let harness = Harness()
        try await harness.createBasic("one")
        let answer = try await harness.ok("TransactGetItems", Self.transact((0..<100).map { Self.get("one", "k\($0)") }))
        #expect(answer["Responses"]?.arrayValue?.count == 100)
        let error = await harness.fail("TransactGetItems", Self.transact((0..<101).map { Self.get("one", "k\($0)") }))
        #expect(error?.message?.contains("TransactGetItem@") == true)
        #expect(error?.message?.hasSuffix("Member must have length less than or equal to 100") == true)
    }

    @Test func itemsOverFourMegabytesInAllAreRefused() async throws {
        let harness = Harness()
        try await harness.createBasic("one")
        let large = String(repeating: "x", count: 390 * 1024)
        for index in 0..<11 {
            try await harness.ok("PutItem", json(#"{"TableName":"one","Item":{"pk":{"S":"k\#(index)"},"b":{"S":"\#(large)"}}}"#))
        }
        let error = await harness.fail("TransactGetItems", Self.transact((0..<11).map { Self.get("one", "k\($0)") }))
        #expect(error == DynamoDBError.transactionTooLarge)
        try await harness.ok("TransactGetItems", Self.transact((0..<10).map { Self.get("one", "k\($0)") }))
    }
}
