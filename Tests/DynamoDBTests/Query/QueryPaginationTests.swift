import AWSProtocol
import Foundation
import Testing

@testable import DynamoDB

/// Pages of Query and Scan across the 1 MB boundary, with Limit and filters, on the table and its
/// indexes, both directions: the concatenated pages equal the whole result read at once.
@Suite struct QueryPaginationTests {
    static let itemCount = 14

    /// Item `i`: sort key `i`, about 100-390 KB of padding, `g` = "G", `l` = 100 - i, `odd` when i is odd.
    static func fill(_ h: Harness, _ table: String) async throws {
        for i in 0..<itemCount {
            let kilobytes = 100 + (i * 97) % 290
            let padding = String(repeating: "x", count: kilobytes * 1000)
            try await h.ok(
                "PutItem",
                .object([
                    "TableName": .string(table),
                    "Item": [
                        "pk": ["S": "p"], "sk": ["N": .string("\(i)")], "g": ["S": "G"], "l": ["N": .string("\(100 - i)")],
                        "odd": ["BOOL": .bool(i % 2 == 1)], "pad": ["S": .string(padding)],
                    ],
                ]))
        }
    }

    /// The sort keys a read should return, in order.
    static func expectedKeys(byL: Bool, ascending: Bool, filtered: Bool) -> [String] {
        var keys = Array(0..<itemCount)
        if byL { keys.reverse() }  // l = 100 - i
        if !ascending { keys.reverse() }
        if filtered { keys = keys.filter { $0 % 2 == 1 } }
        return keys.map(String.init)
    }

    func queryInput(index: String?, ascending: Bool, limit: Int?, filtered: Bool) -> JSONObject {
        let partition = index == "byG" ? "g = :p" : "pk = :p"
        var input = object(#"{"TableName":"big","KeyConditionExpression":"\#(partition)"}"#)
        var values: JSONObject = [":p": ["S": index == "byG" ? "G" : "p"]]
        if let index { input["IndexName"] = .string(index) }
        input["ScanIndexForward"] = .bool(ascending)
        if let limit { input["Limit"] = .int(limit) }
        if filtered {
            input["FilterExpression"] = "odd = :t"
            values[":t"] = ["BOOL": true]
        }
        input["ExpressionAttributeValues"] = .object(values)
        if index == "byL" { input["Select"] = "ALL_ATTRIBUTES" }
        return input
    }

    @Test func queryPagesEqualTheWholeResult() async throws {
        let h = Harness()
        try await h.createQueryTable("big")
        try await Self.fill(h, "big")
        for index in [nil, "byG", "byAll", "byL"] as [String?] {
            for ascending in [true, false] {
                for limit in [nil, 1, 3] as [Int?] {
                    for filtered in [false, true] {
                        let input = queryInput(index: index, ascending: ascending, limit: limit, filtered: filtered)
                        let pages = try await h.pages("Query", input)
                        let keys = pages.flatMap { $0["Items"]?.arrayValue ?? [] }.compactMap { $0.scalar("sk") }
                        let label = "\(index ?? "table") ascending \(ascending) limit \(limit.map(String.init) ?? "-") filtered \(filtered)"
                        #expect(
                            keys == Self.expectedKeys(byL: index == "byL" || index == "byAll", ascending: ascending, filtered: filtered),
                            "\(label)")
                        let scanned = pages.reduce(0) { $0 + ($1["ScannedCount"]?.numberValue?.doubleValue ?? 0) }
                        let counted = pages.reduce(0) { $0 + ($1["Count"]?.numberValue?.doubleValue ?? 0) }
                        #expect(Int(scanned) == Self.itemCount, "\(label)")
                        #expect(Int(counted) == (filtered ? Self.itemCount / 2 : Self.itemCount), "\(label)")
                        if limit == nil, index != "byL" { #expect(pages.count >= 3, "\(label): the 1 MB page limit splits about 3.4 MB") }
                        if let limit {
                            #expect(pages.allSatisfy { ($0["ScannedCount"]?.numberValue?.doubleValue ?? 0) <= Double(limit) }, "\(label)")
                        }
                    }
                }
            }
        }
    }

    @Test func pagesStopAfterTheItemThatCrossesOneMegabyte() async throws {
        let h = Harness()
        try await h.createQueryTable("big")
        try await Self.fill(h, "big")
        let pages = try await h.pages("Query", queryInput(index: nil, ascending: true, limit: nil, filtered: true))
        var next = 0
        for page in pages.dropLast() {
            let scanned = Int(page["ScannedCount"]?.numberValue?.doubleValue ?? 0)
            let sizes = (next..<next + scanned).map { 100 + ($0 * 97) % 290 }
            #expect(sizes.reduce(0, +) * 1000 >= 1_000_000)
            #expect(sizes.dropLast().reduce(0, +) * 1000 < ReadPage.maximumBytes)
            next += scanned
        }
        #expect(pages.last?["LastEvaluatedKey"] == nil)
    }

    @Test func scanPagesOfTableAndIndexEqualTheWholeResult() async throws {
        let h = Harness()
        try await h.createQueryTable("big")
        try await Self.fill(h, "big")
        for index in [nil, "byG", "byAll", "keysOnly"] as [String?] {
            for limit in [nil, 2] as [Int?] {
                var input = object(#"{"TableName":"big","FilterExpression":"odd = :t","ExpressionAttributeValues":{":t":{"BOOL":true}}}"#)
                if let index { input["IndexName"] = .string(index) }
                if let limit { input["Limit"] = .int(limit) }
                if index == "keysOnly" {
                    input["FilterExpression"] = nil
                    input["ExpressionAttributeValues"] = nil
                }
                let keys = try await h.allItems("Scan", input).compactMap { $0.scalar("sk") }.sorted { Int($0) ?? 0 < Int($1) ?? 0 }
                #expect(keys == Self.expectedKeys(byL: false, ascending: true, filtered: index != "keysOnly"), "\(index ?? "table")")
            }
        }
    }
}
