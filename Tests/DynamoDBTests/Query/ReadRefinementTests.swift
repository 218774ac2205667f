import AWSProtocol
import Foundation
import Testing

@testable import DynamoDB

/// Query and Scan details: the 1 MB page of a local-index read counts the items fetched from the table, a
/// parallel scan's start key must lie in its segment, a global index being deleted cannot be read, and the
/// legacy `ConditionalOperator` needs two filter conditions.
@Suite struct ReadRefinementTests {
    /// 30 items of about 100 KB in partition `p`, each with `l` (the key of the KEYS_ONLY local index `byL`).
    private static func fillLarge(_ h: Harness) async throws {
        try await h.createQueryTable("large")
        let pad = String(repeating: "x", count: 100_000)
        for i in 0..<30 {
            try await h.put("large", #"{"pk":{"S":"p"},"sk":{"N":"\#(i)"},"l":{"N":"\#(i)"},"pad":{"S":"\#(pad)"}}"#)
        }
    }

    @Test func aLocalIndexPageCountsTheItemsFetchedFromTheTable() async throws {
        let h = Harness()
        try await Self.fillLarge(h)
        var input = object(
            #"{"TableName":"large","IndexName":"byL","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}}}"#)
        // Only the index entries are read: every item fits in one page.
        input["Select"] = "ALL_PROJECTED_ATTRIBUTES"
        let projected = try await h.ok("Query", .object(input))
        #expect(projected["ScannedCount"] == 30 && projected["LastEvaluatedKey"] == nil)
        // Every item is fetched from the table: the page stops once the fetched bytes reach 1 MB (the 11th item).
        input["Select"] = "ALL_ATTRIBUTES"
        let pages = try await h.pages("Query", input)
        let scannedCounts: [JSONValue?] = pages.map { $0["ScannedCount"] }
        #expect(scannedCounts == [11, 11, 8])
        let items: [JSONValue] = pages.flatMap { $0["Items"]?.arrayValue ?? [] }
        let sortKeys: [String] = items.compactMap { $0.scalar("sk") }
        let expected: [String] = (0..<30).map { String($0) }
        #expect(sortKeys == expected)
        // A filter on an unprojected attribute fetches every item read, whether it passes or not.
        input["Select"] = nil
        input["FilterExpression"] = "#pad = :none"
        input["ExpressionAttributeNames"] = ["#pad": "pad"]
        input["ExpressionAttributeValues"] = [":p": ["S": "p"], ":none": ["S": "none"]]
        let filtered = try await h.ok("Query", .object(input))
        #expect(filtered["ScannedCount"] == 11 && filtered["Count"] == 0 && filtered["LastEvaluatedKey"] != nil)
        // The same through Scan.
        let scanned = try await h.ok("Scan", json(#"{"TableName":"large","IndexName":"byL","Select":"ALL_ATTRIBUTES"}"#))
        #expect(scanned["ScannedCount"] == 11)
    }

    @Test func aParallelScanStartKeyMustLieInItsSegment() async throws {
        let h = Harness()
        try await h.createQueryTable("wide")
        for i in 0..<40 { try await h.put("wide", #"{"pk":{"S":"k\#(i)"},"sk":{"N":"1"},"g":{"S":"g\#(i)"}}"#) }
        for index in [nil, "byG"] as [String?] {
            var input = object(#"{"TableName":"wide","Limit":1,"Segment":1,"TotalSegments":2}"#)
            if let index { input["IndexName"] = .string(index) }
            let first = try await h.ok("Scan", .object(input))
            let start = try #require(first["LastEvaluatedKey"])
            input["ExclusiveStartKey"] = start
            try await h.ok("Scan", .object(input))
            input["Segment"] = 0
            input["FilterExpression"] = "attribute_exists(pk.b.c)"
            let refused = await h.fail("Scan", .object(input))
            #expect(
                refused?.message
                    == "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct "
                    + "Segment. TotalSegments: 2 Segment: 0")
            // One segment holds every key.
            input["Segment"] = 0
            input["TotalSegments"] = 1
            input["FilterExpression"] = nil
            try await h.ok("Scan", .object(input))
        }
    }

    @Test func aDeletingGlobalIndexIsNotRead() async throws {
        let h = Harness { $0.updateSeconds = 10 }
        try await h.createQueryTable("fading")
        try await h.put("fading", #"{"pk":{"S":"a"},"sk":{"N":"1"},"g":{"S":"G"}}"#)
        let query = json(
            #"{"TableName":"fading","IndexName":"byG","KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"G"}}}"#)
        #expect(try await h.ok("Query", query)["Count"] == 1)
        try await h.ok("UpdateTable", json(#"{"TableName":"fading","GlobalSecondaryIndexUpdates":[{"Delete":{"IndexName":"byG"}}]}"#))
        let described = try await h.ok("DescribeTable", ["TableName": "fading"])
        let statuses = described["Table"]?["GlobalSecondaryIndexes"]?.arrayValue?.map { $0["IndexStatus"] }
        #expect(statuses?.contains("DELETING") == true)
        #expect(await h.fail("Query", query)?.message == "The table does not have the specified index: byG")
        #expect(
            await h.fail("Scan", json(#"{"TableName":"fading","IndexName":"byG"}"#))?.message
                == "The table does not have the specified index: byG")
        // The other indexes and the table are still read.
        #expect(try await h.ok("Scan", json(#"{"TableName":"fading","IndexName":"keysOnly"}"#))["Count"] == 1)
    }

    @Test func conditionalOperatorNeedsTwoFilterConditions() async throws {
        let h = Harness()
        try await h.createQueryTable("legacy")
        let without = "ConditionalOperator cannot be used without Filter or Expected"
        let one = "ConditionalOperator can only be used when Filter or Expected has two or more elements"
        let condition = #"{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"x"}]}"#
        let keyConditions = #""KeyConditions":{"pk":\#(condition)}"#
        let cases: [(String, String, String)] = [
            ("Scan", #"{"TableName":"legacy","ConditionalOperator":"AND"}"#, without),
            ("Scan", #"{"TableName":"legacy","ConditionalOperator":"OR","ScanFilter":{}}"#, without),
            ("Scan", #"{"TableName":"legacy","ConditionalOperator":"AND","AttributesToGet":["a","b"]}"#, without),
            ("Scan", #"{"TableName":"legacy","ConditionalOperator":"AND","ScanFilter":{"a":\#(condition)}}"#, one),
            ("Query", #"{"TableName":"legacy","ConditionalOperator":"AND",\#(keyConditions)}"#, without),
            ("Query", #"{"TableName":"legacy","ConditionalOperator":"AND"}"#, without),
            ("Query", #"{"TableName":"legacy","ConditionalOperator":"AND",\#(keyConditions),"QueryFilter":{"a":\#(condition)}}"#, one),
        ]
        for (operation, input, message) in cases {
            #expect(await h.fail(operation, json(input))?.message == message, "\(operation) \(input)")
        }
        let two = #"{"TableName":"legacy","ConditionalOperator":"OR","ScanFilter":{"a":\#(condition),"b":\#(condition)}}"#
        #expect(try await h.ok("Scan", json(two))["Count"] == 0)
    }
}
