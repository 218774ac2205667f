import AWSProtocol
import Foundation
import Testing

@testable import DynamoDB

/// TransactWriteItems from values: all-or-nothing across tables, cancellation reasons in request order,
/// ClientRequestToken idempotency on the injected clock, the 100-action and 4 MB limits, consumed capacity.
@Suite struct TransactWriteItemsTests {
    static func item(_ pk: String, _ extra: String = "") -> String {
        #"{"pk":{"S":"\#(pk)"}\#(extra)}"#
    }

    static func put(_ table: String, _ pk: String, _ extra: String = "", condition: String? = nil) -> String {
        let condition = condition.map { #","ConditionExpression":"\#($0)""# } ?? ""
        return #"{"Put":{"TableName":"\#(table)","Item":\#(item(pk, extra))\#(condition)}}"#
    }

    static func transact(_ actions: [String], _ extra: String = "") -> JSONValue {
        json(#"{"TransactItems":[\#(actions.joined(separator: ","))]\#(extra)}"#)
    }

    func get(_ harness: Harness, _ table: String, _ pk: String) async throws -> JSONValue? {
        try await harness.ok("GetItem", json(#"{"TableName":"\#(table)","Key":\#(Self.item(pk))}"#))["Item"]
    }

    @Test func everyActionIsAppliedAcrossTables() async throws {
        let harness = Harness()
        try await harness.createBasic("one")
        try await harness.createBasic("two")
        try await harness.ok("PutItem", json(#"{"TableName":"two","Item":{"pk":{"S":"gone"}}}"#))
        try await harness.ok("PutItem", json(#"{"TableName":"two","Item":{"pk":{"S":"n"},"count":{"N":"1"}}}"#))
        let answer = try await harness.ok(
            "TransactWriteItems",
            Self.transact([
                Self.put("one", "a", #","x":{"S":"new"}"#, condition: "attribute_not_exists(pk)"),
                #"{"Delete":{"TableName":"two","Key":{"pk":{"S":"gone"}}}}"#,
                ##"{"Update":{"TableName":"two","Key":{"pk":{"S":"n"}},"UpdateExpression":"ADD #c :one","ExpressionAttributeNames":{"#c":"count"},"ExpressionAttributeValues":{":one":{"N":"1"}}}}"##,
                #"{"ConditionCheck":{"TableName":"one","Key":{"pk":{"S":"absent"}},"ConditionExpression":"attribute_not_exists(pk)"}}"#,
            ]))
        #expect(answer == .object(JSONObject()))
        #expect(try await get(harness, "one", "a")?["x"] == ["S": "new"])
        #expect(try await get(harness, "two", "gone") == nil)
        #expect(try await get(harness, "two", "n")?["count"] == ["N": "2"])
        #expect(try await get(harness, "one", "absent") == nil)
    }

    @Test func cancellationReasonsComeInRequestOrderWithTheOldItemWhenAsked() async throws {
        let harness = Harness()
        try await harness.createBasic("one")
        try await harness.ok("PutItem", json(#"{"TableName":"one","Item":{"pk":{"S":"held"},"v":{"N":"5"}}}"#))
        let error = await harness.fail(
            "TransactWriteItems",
            Self.transact([
                Self.put("one", "fresh"),
                #"{"ConditionCheck":{"TableName":"one","Key":{"pk":{"S":"held"}},"ConditionExpression":"v = :six","ExpressionAttributeValues":{":six":{"N":"6"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}}"#,
                Self.put("one", "other", condition: "attribute_exists(pk)"),
            ]))
        #expect(error?.type == "com.amazonaws.dynamodb.v20120810#TransactionCanceledException")
        #expect(
            error?.message
                == "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, ConditionalCheckFailed]"
        )
        #expect(error?.messageKey == .upper)
        let reasons = error?.extraMembers["CancellationReasons"]?.arrayValue ?? []
        #expect(reasons.count == 3)
        #expect(reasons.first == ["Code": "None"])
        #expect(reasons.dropFirst().first?["Item"] == ["pk": ["S": "held"], "v": ["N": "5"]])
        #expect(reasons.dropFirst().first?["Message"] == "The conditional request failed")
        #expect(reasons.last == ["Code": "ConditionalCheckFailed", "Message": "The conditional request failed"])
        #expect(try await get(harness, "one", "fresh") == nil)
    }

    @Test func aCancelledTransactionLeavesEveryTableUnchanged() async throws {
        let harness = Harness()
        try await harness.createBasic("one")
        try await harness.createBasic("two")
        for (table, pk) in [("one", "a"), ("one", "b"), ("two", "c")] {
            try await harness.ok("PutItem", json(#"{"TableName":"\#(table)","Item":{"pk":{"S":"\#(pk)"},"v":{"N":"1"}}}"#))
        }
        let before = try await [get(harness, "one", "a"), get(harness, "one", "b"), get(harness, "two", "c")]
        let error = await harness.fail(
            "TransactWriteItems",
            Self.transact([
                Self.put("one", "a", #","v":{"N":"9"}"#),
                #"{"Delete":{"TableName":"one","Key":{"pk":{"S":"b"}}}}"#,
                #"{"Update":{"TableName":"two","Key":{"pk":{"S":"c"}},"UpdateExpression":"SET v = :n","ExpressionAttributeValues":{":n":{"N":"9"}}}}"#,
                Self.put("two", "d"),
                #"{"ConditionCheck":{"TableName":"two","Key":{"pk":{"S":"nope"}},"ConditionExpression":"attribute_exists(pk)"}}"#,
            ]))
        #expect(error?.code == "TransactionCanceledException")
        let after = try await [get(harness, "one", "a"), get(harness, "one", "b"), get(harness, "two", "c")]
        #expect(after == before)
        #expect(try await get(harness, "two", "d") == nil)
        for table in ["one", "two"] {
            let description = try await harness.ok("DescribeTable", json(#"{"TableName":"\#(table)"}"#))
            #expect(description["Table"]?["ItemCount"] == (table == "one" ? 2 : 1))
        }
    }

    @Test func anUpdateThatCannotApplyCancelsWithAValidationError() async throws {
        let harness = Harness()
        try await harness.createBasic("one")
        let error = await harness.fail(
            "TransactWriteItems",
            Self.transact([
                Self.put("one", "a"),
                #"{"Update":{"TableName":"one","Key":{"pk":{"S":"b"}},"UpdateExpression":"SET x = y + :one","ExpressionAttributeValues":{":one":{"N":"1"}}}}"#,
            ]))
        let reasons = error?.extraMembers["CancellationReasons"]?.arrayValue ?? []
        #expect(reasons.last?["Code"] == "ValidationError")
        #expect(reasons.last?["Message"] == "The provided expression refers to an attribute that does not exist in the item")
        #expect(try await get(harness, "one", "a") == nil)
    }

    @Test func aRepeatedTokenAnswersAsTheFirstCallWithinTenMinutes() async throws {
        let harness = Harness()
        try await harness.createBasic("one")
        try await harness.ok("PutItem", json(#"{"TableName":"one","Item":{"pk":{"S":"n"},"count":{"N":"0"}}}"#))
        let increment = Self.transact(
            [
                ##"{"Update":{"TableName":"one","Key":{"pk":{"S":"n"}},"UpdateExpression":"ADD #c :one","ExpressionAttributeNames":{"#c":"count"},"ExpressionAttributeValues":{":one":{"N":"1"}}}}"##
            ], #","ClientRequestToken":"tok","ReturnConsumedCapacity":"TOTAL""#)
        let first = try await harness.ok("TransactWriteItems", increment)
        harness.clock.advance(by: 599)
        let second = try await harness.ok("TransactWriteItems", increment)
        #expect(first["ConsumedCapacity"] == json(#"[{"TableName":"one","CapacityUnits":2,"WriteCapacityUnits":2}]"#))
        // A repeat writes nothing and reports reading the item (API Reference, ClientRequestToken).
        #expect(second == json(#"{"ConsumedCapacity":[{"TableName":"one","CapacityUnits":1,"ReadCapacityUnits":1}]}"#))
        #expect(try await get(harness, "one", "n")?["count"] == ["N": "1"])
        let other = Self.transact([Self.put("one", "x")], #","ClientRequestToken":"tok""#)
        #expect(await harness.fail("TransactWriteItems", other)?.code == "IdempotentParameterMismatchException")
        harness.clock.advance(by: 2)
        try await harness.ok("TransactWriteItems", increment)
        #expect(try await get(harness, "one", "n")?["count"] == ["N": "2"])
        #expect(await harness.fail("TransactWriteItems", other)?.code == "IdempotentParameterMismatchException")
        harness.clock.advance(by: 600)
        try await harness.ok("TransactWriteItems", other)
    }

    @Test func aCancelledTransactionDoesNotHoldItsToken() async throws {
        let harness = Harness()
        try await harness.createBasic("one")
        let guarded = Self.transact([Self.put("one", "a", condition: "attribute_exists(pk)")], #","ClientRequestToken":"t""#)
        #expect(await harness.fail("TransactWriteItems", guarded)?.code == "TransactionCanceledException")
        try await harness.ok("TransactWriteItems", Self.transact([Self.put("one", "b")], #","ClientRequestToken":"t""#))
    }

    @Test func oneHundredActionsPassAndOneHundredOneAreRefused() async throws {
        let harness = Harness()
        try await harness.createBasic("one")
        try await harness.ok("TransactWriteItems", Self.transact((0..<100).map { Self.put("one", "k\($0)") }))
        let description = try await harness.ok("DescribeTable", json(#"{"TableName":"one"}"#))
        #expect(description["Table"]?["ItemCount"] == 100)
        let error = await harness.fail("TransactWriteItems", Self.transact((0..<101).map { Self.put("one", "m\($0)") }))
        #expect(
            error?.message?.hasPrefix("1 validation error detected: Value '[com.amazonaws.dynamodb.v20120810.TransactWriteItem@") == true)
        #expect(
            error?.message?.hasSuffix(
                "]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100") == true)
    }

    @Test func theAggregateSizeIsLimitedToFourMegabytes() async throws {
        let harness = Harness()
        try await harness.createBasic("one")
        let large = String(repeating: "x", count: 390 * 1024)
        let puts = (0..<11).map { Self.put("one", "big\($0)", #","b":{"S":"\#(large)"}"#) }
        let error = await harness.fail("TransactWriteItems", Self.transact(puts))
        #expect(error == DynamoDBError.transactionTooLarge)
        try await harness.ok("TransactWriteItems", Self.transact(Array(puts.prefix(10))))
    }

    @Test func consumedCapacityIsTwoUnitsPerKilobytePerTable() async throws {
        let harness = Harness()
        try await harness.createBasic("one")
        try await harness.createBasic("two")
        let kilobyteAndAHalf = String(repeating: "x", count: 1_500)
        let answer = try await harness.ok(
            "TransactWriteItems",
            Self.transact(
                [
                    Self.put("one", "a", #","b":{"S":"\#(kilobyteAndAHalf)"}"#), Self.put("two", "b"), Self.put("one", "c"),
                ], #","ReturnConsumedCapacity":"TOTAL""#))
        let expected = json(
            #"[{"TableName":"one","CapacityUnits":6,"WriteCapacityUnits":6},{"TableName":"two","CapacityUnits":2,"WriteCapacityUnits":2}]"#)
        #expect(answer["ConsumedCapacity"] == expected)
    }

    @Test func itemCollectionMetricsListTheWrittenCollectionsOfTablesWithLocalIndexes() async throws {
        let harness = Harness()
        try await harness.ok(
            "CreateTable",
            json(
                #"{"TableName":"lsi","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"},{"AttributeName":"l","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"LocalSecondaryIndexes":[{"IndexName":"byL","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"l","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}],"BillingMode":"PAY_PER_REQUEST"}"#
            ))
        try await harness.createBasic("plain")
        let answer = try await harness.ok(
            "TransactWriteItems",
            json(
                #"{"TransactItems":[{"Put":{"TableName":"lsi","Item":{"pk":{"S":"p"},"sk":{"S":"1"},"l":{"S":"x"}}}},{"Put":{"TableName":"plain","Item":{"pk":{"S":"q"}}}},{"ConditionCheck":{"TableName":"lsi","Key":{"pk":{"S":"r"},"sk":{"S":"1"}},"ConditionExpression":"attribute_not_exists(pk)"}}],"ReturnItemCollectionMetrics":"SIZE","ReturnConsumedCapacity":"INDEXES"}"#
            ))
        #expect(
            answer["ItemCollectionMetrics"]
                == json(#"{"lsi":[{"ItemCollectionKey":{"pk":{"S":"p"}},"SizeEstimateRangeGB":[0,1]}]}"#))
        #expect(
            answer["ConsumedCapacity"]?.arrayValue?.first?["LocalSecondaryIndexes"]
                == json(#"{"byL":{"CapacityUnits":2,"WriteCapacityUnits":2}}"#))
        let description = try await harness.ok("DescribeTable", json(#"{"TableName":"lsi"}"#))
        #expect(description["Table"]?["LocalSecondaryIndexes"]?.arrayValue?.first?["ItemCount"] == 1)
    }

    @Test func tablesNamedByArnAndTablesNotActive() async throws {
        let harness = Harness { $0.createSeconds = 5 }
        try await harness.createBasic("slow")
        let arn = "arn:aws:dynamodb:us-east-1:123456789012:table/slow"
        let put = Self.transact([Self.put(arn, "a")])
        #expect(await harness.fail("TransactWriteItems", put)?.message == "Requested resource not found")
        harness.clock.advance(by: 6)
        try await harness.ok("TransactWriteItems", put)
        let read = try await harness.ok(
            "TransactGetItems",
            json(#"{"TransactItems":[{"Get":{"TableName":"\#(arn)","Key":{"pk":{"S":"a"}}}}],"ReturnConsumedCapacity":"TOTAL"}"#))
        #expect(read["ConsumedCapacity"]?.arrayValue?.first?["TableName"] == .string(arn))
        #expect(read["Responses"] == json(#"[{"Item":{"pk":{"S":"a"}}}]"#))
    }

    @Test func anUpdateGrowingAnItemOverFourHundredKilobytesCancels() async throws {
        let harness = Harness()
        try await harness.createBasic("one")
        let large = String(repeating: "x", count: 300 * 1024)
        try await harness.ok("PutItem", json(#"{"TableName":"one","Item":{"pk":{"S":"a"},"b":{"S":"\#(large)"}}}"#))
        let error = await harness.fail(
            "TransactWriteItems",
            Self.transact([
                #"{"Update":{"TableName":"one","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET c = b"}}"#, Self.put("one", "z"),
            ]))
        // "An item size becomes too large (bigger than 400 KB)": a cancellation reason ("TransactWriteItems", API Reference).
        #expect(
            error?.extraMembers["CancellationReasons"]
                == json(
                    #"[{"Code":"ValidationError","Message":"Item size to update has exceeded the maximum allowed size"},{"Code":"None"}]"#))
        #expect(try await get(harness, "one", "z") == nil)
    }
}
