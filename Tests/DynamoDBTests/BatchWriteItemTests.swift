import AWSProtocol
import Foundation
import Testing

@testable import DynamoDB

/// BatchWriteItem from values: puts and deletes over several tables, capacity per table (indexes included),
/// item collection metrics, the 25-request limit, duplicate keys, and nothing applied when any request fails.
@Suite struct BatchWriteItemTests {
    /// A HASH/RANGE table with a local and a global secondary index.
    static let indexedTable = json(
        #"{"TableName":"indexed","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},"#
            + #"{"AttributeName":"sk","AttributeType":"S"},{"AttributeName":"l","AttributeType":"S"},"#
            + #"{"AttributeName":"g","AttributeType":"N"}],"#
            + #""KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"#
            + #""LocalSecondaryIndexes":[{"IndexName":"byL","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},"#
            + #"{"AttributeName":"l","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}],"#
            + #""GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"#
            + #""Projection":{"ProjectionType":"KEYS_ONLY"}}],"BillingMode":"PAY_PER_REQUEST"}"#)

    static func put(_ item: JSONValue) -> JSONValue { ["PutRequest": ["Item": item]] }
    static func delete(_ key: JSONValue) -> JSONValue { ["DeleteRequest": ["Key": key]] }
    static func pk(_ value: String, _ more: [String: JSONValue] = [:]) -> JSONValue {
        var object: JSONObject = ["pk": ["S": .string(value)]]
        for (name, member) in more.sorted(by: { $0.key < $1.key }) { object.append(name, member) }
        return .object(object)
    }

    @Test func putsAndDeletesOverSeveralTables() async throws {
        let h = Harness()
        try await h.createBasic("alpha")
        try await h.createBasic("beta")
        try await h.ok("PutItem", ["TableName": "alpha", "Item": Self.pk("old")])
        let answer = try await h.ok(
            "BatchWriteItem",
            .object([
                "RequestItems": [
                    "alpha": [Self.put(Self.pk("a1", ["v": ["N": "1"]])), Self.delete(Self.pk("old"))],
                    "beta": [Self.put(Self.pk("b1"))],
                ]
            ]))
        #expect(answer == ["UnprocessedItems": .object(JSONObject())])
        #expect(try await h.ok("GetItem", ["TableName": "alpha", "Key": Self.pk("a1")])["Item"]?["v"] == ["N": "1"])
        #expect(try await h.ok("GetItem", ["TableName": "alpha", "Key": Self.pk("old")]) == .object(JSONObject()))
        #expect(try await h.ok("GetItem", ["TableName": "beta", "Key": Self.pk("b1")])["Item"] != nil)
    }

    @Test func capacityIsSummedPerTableWithIndexesAndCollectionsAreMeasured() async throws {
        let h = Harness()
        try await h.ok("CreateTable", Self.indexedTable)
        try await h.createBasic("plain")
        let big = String(repeating: "x", count: 1_500)
        let item1 = json(#"{"pk":{"S":"p"},"sk":{"S":"1"},"l":{"S":"a"},"g":{"N":"1"},"d":{"S":"\#(big)"}}"#)
        let item2 = json(#"{"pk":{"S":"p"},"sk":{"S":"2"},"l":{"S":"b"}}"#)
        let answer = try await h.ok(
            "BatchWriteItem",
            .object([
                "RequestItems": ["indexed": [Self.put(item1), Self.put(item2)], "plain": [Self.delete(Self.pk("none"))]],
                "ReturnConsumedCapacity": "INDEXES", "ReturnItemCollectionMetrics": "SIZE",
            ]))
        #expect(answer.keys == ["UnprocessedItems", "ItemCollectionMetrics", "ConsumedCapacity"])
        // Table: 2 units (about 1.5 KB) + 1; the LSI holds both (ALL: 2 + 1); the GSI only item 1, keys only.
        #expect(
            answer["ConsumedCapacity"]?.arrayValue?[0] == [
                "TableName": "indexed", "CapacityUnits": .double(7.0), "Table": ["CapacityUnits": .double(3.0)],
                "LocalSecondaryIndexes": ["byL": ["CapacityUnits": .double(3.0)]],
                "GlobalSecondaryIndexes": ["byG": ["CapacityUnits": .double(1.0)]],
            ])
        #expect(
            answer["ConsumedCapacity"]?.arrayValue?[1] == [
                "TableName": "plain", "CapacityUnits": .double(1.0), "Table": ["CapacityUnits": .double(1.0)],
            ])
        #expect(
            answer["ItemCollectionMetrics"] == [
                "indexed": [["ItemCollectionKey": ["pk": ["S": "p"]], "SizeEstimateRangeGB": [.double(0), .double(1)]]]
            ])
    }

    @Test func twentyFiveRequestsAreTheLimit() async throws {
        let h = Harness()
        try await h.createBasic("alpha")
        try await h.createBasic("beta")
        let twentyFive = (0..<25).map { Self.put(Self.pk("k\($0)")) }
        try await h.ok("BatchWriteItem", .object(["RequestItems": ["alpha": .array(twentyFive)]]))
        let over = await h.fail(
            "BatchWriteItem", .object(["RequestItems": ["alpha": .array(twentyFive), "beta": [Self.put(Self.pk("x"))]]]))
        #expect(over?.message == "Too many items requested for the BatchWriteItem call")
        let overList = await h.fail(
            "BatchWriteItem", .object(["RequestItems": ["alpha": .array(twentyFive + [Self.put(Self.pk("x"))])]]))
        #expect(
            overList?.message?.hasPrefix(
                "1 validation error detected: Value '{alpha=[WriteRequest(putRequest=PutRequest(item={pk=AttributeValue(s=k0, n=null, ")
                == true)
        #expect(
            overList?.message?.hasSuffix(
                "at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: "
                    + "[Member must have length less than or equal to 25, Member must have length greater than or equal to 1]") == true)
    }

    @Test func duplicatesAndBadItemsRefuseTheWholeBatch() async throws {
        let h = Harness()
        try await h.createBasic("alpha")
        try await h.ok("CreateTable", Self.indexedTable)
        let duplicate = await h.fail(
            "BatchWriteItem", .object(["RequestItems": ["alpha": [Self.put(Self.pk("a")), Self.delete(Self.pk("a"))]]]))
        #expect(duplicate?.message == "Provided list of item keys contains duplicates")
        // A later table's bad index key refuses the batch: the first table's put is not applied.
        let badIndex = await h.fail(
            "BatchWriteItem",
            .object([
                "RequestItems": [
                    "alpha": [Self.put(Self.pk("applied?"))],
                    "indexed": [Self.put(json(#"{"pk":{"S":"p"},"sk":{"S":"1"},"g":{"S":"not a number"}}"#))],
                ]
            ]))
        #expect(
            badIndex?.message
                == "One or more parameter values were invalid: Type mismatch for Index Key g Expected: N Actual: S IndexName: byG")
        #expect(try await h.ok("GetItem", ["TableName": "alpha", "Key": Self.pk("applied?")]) == .object(JSONObject()))
        let wrongKey = await h.fail("BatchWriteItem", .object(["RequestItems": ["alpha": [Self.put(["pk": ["N": "1"]])]]]))
        #expect(wrongKey?.message == "The provided key element does not match the schema")
        let missingTable = await h.fail(
            "BatchWriteItem", .object(["RequestItems": ["alpha": [Self.put(Self.pk("a"))], "nope": [Self.put(Self.pk("a"))]]]))
        #expect(missingTable?.message == "Requested resource not found")
        #expect(try await h.ok("GetItem", ["TableName": "alpha", "Key": Self.pk("a")]) == .object(JSONObject()))
    }

    @Test func describeTableCountsBatchWrites() async throws {
        let h = Harness()
        try await h.ok("CreateTable", Self.indexedTable)
        let items = (0..<3).map { Self.put(json(#"{"pk":{"S":"p"},"sk":{"S":"\#($0)"},"g":{"N":"\#($0)"}}"#)) }
        try await h.ok("BatchWriteItem", .object(["RequestItems": ["indexed": .array(items)]]))
        let described = try await h.ok("DescribeTable", ["TableName": "indexed"])
        #expect(described["Table"]?["ItemCount"] == 3)
        #expect(described["Table"]?["GlobalSecondaryIndexes"]?.arrayValue?[0]["ItemCount"] == 3)
        try await h.ok("BatchWriteItem", .object(["RequestItems": ["indexed": [Self.delete(json(#"{"pk":{"S":"p"},"sk":{"S":"0"}}"#))]]]))
        let after = try await h.ok("DescribeTable", ["TableName": "indexed"])
        #expect(after["Table"]?["ItemCount"] == 2)
        #expect(after["Table"]?["GlobalSecondaryIndexes"]?.arrayValue?[0]["ItemCount"] == 2)
    }
}
