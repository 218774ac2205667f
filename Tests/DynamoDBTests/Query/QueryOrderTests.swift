import AWSProtocol
import Foundation
import Testing

@testable import DynamoDB

/// Sort keys come back as DynamoDB orders them ("Query" > Key condition expressions, Developer Guide):
/// numbers numerically (negatives, exponents, 38 digits), strings and binaries by unsigned bytes.
@Suite struct QueryOrderTests {
    func sortedKeys(_ h: Harness, _ table: String, ascending: Bool) async throws -> [String] {
        var input = object(#"{"TableName":"\#(table)","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}}}"#)
        input["ScanIndexForward"] = .bool(ascending)
        input["Limit"] = 3
        return try await h.allItems("Query", input).compactMap { $0.scalar("sk") }
    }

    @Test func numbersSortNumerically() async throws {
        let h = Harness()
        try await h.createQueryTable("numbers")
        let numbers = [
            "-99999999999999999999999999999999999999", "-9.99E+125", "-1E+10", "-100", "-3.5", "-0.001", "0", "1E-130", "0.5", "2",
            "10", "1.5E+3", "12345678901234567890123456789012345678", "9.99E+125",
        ]
        for number in numbers.shuffled() { try await h.put("numbers", #"{"pk":{"S":"p"},"sk":{"N":"\#(number)"}}"#) }
        let expected = [
            "-9.99E+125", "-99999999999999999999999999999999999999", "-1E+10", "-100", "-3.5", "-0.001", "0", "1E-130",
            "0.5", "2", "10", "1500", "12345678901234567890123456789012345678", "9.99E+125",
        ]
        let ascending = try await sortedKeys(h, "numbers", ascending: true)
        #expect(ascending.map { Double($0) ?? 0 } == expected.map { Double($0) ?? 0 })
        #expect(ascending.count == numbers.count)
        #expect(try await sortedKeys(h, "numbers", ascending: false) == ascending.reversed())
    }

    @Test func stringsSortByUTF8Bytes() async throws {
        let h = Harness()
        try await h.createQueryTable("strings", sortType: "S")
        let strings = ["a", "B", "Z", "é", "z", "~", "\u{7f}", "aa", "a b", "😀", "中", "ÿ", "0", " "]
        for text in strings.shuffled() {
            try await h.ok("PutItem", .object(["TableName": "strings", "Item": ["pk": ["S": "p"], "sk": ["S": .string(text)]]]))
        }
        let expected = strings.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(try await sortedKeys(h, "strings", ascending: true) == expected)
        #expect(try await sortedKeys(h, "strings", ascending: false) == expected.reversed())
    }

    @Test func binariesSortByUnsignedBytes() async throws {
        let h = Harness()
        try await h.createQueryTable("binaries", sortType: "B")
        let values: [[UInt8]] = [[0x00], [0x01], [0x7f], [0x80], [0x80, 0x00], [0xfe], [0xff], [0xff, 0xff], [0x00, 0xff], [0x41]]
        for bytes in values.shuffled() {
            let text = Data(bytes).base64EncodedString()
            try await h.put("binaries", #"{"pk":{"S":"p"},"sk":{"B":"\#(text)"}}"#)
        }
        let expected = values.sorted { $0.lexicographicallyPrecedes($1) }.map { Data($0).base64EncodedString() }
        #expect(try await sortedKeys(h, "binaries", ascending: true) == expected)
        #expect(try await sortedKeys(h, "binaries", ascending: false) == expected.reversed())
        let prefixed = try await h.ok(
            "Query",
            json(
                #"{"TableName":"binaries","KeyConditionExpression":"pk = :p AND begins_with(sk, :b)","ExpressionAttributeValues":{":p":{"S":"p"},":b":{"B":"gA=="}}}"#
            ))
        #expect(prefixed["Items"]?.arrayValue?.compactMap { $0.scalar("sk") } == ["gA==", "gAA="])
    }

    @Test func everySortKeyOperator() async throws {
        let h = Harness()
        try await h.createQueryTable("ops")
        for n in 1...9 { try await h.put("ops", #"{"pk":{"S":"p"},"sk":{"N":"\#(n)"}}"#) }
        let cases: [(String, [String])] = [
            ("sk = :a", ["3"]), ("sk < :a", ["1", "2"]), ("sk <= :a", ["1", "2", "3"]), ("sk > :b", ["8", "9"]),
            ("sk >= :b", ["7", "8", "9"]), ("sk BETWEEN :a AND :b", ["3", "4", "5", "6", "7"]), (":a > sk", ["1", "2"]),
        ]
        for (condition, expected) in cases {
            var values: JSONObject = [":p": ["S": "p"]]
            if condition.contains(":a") { values[":a"] = ["N": "3"] }
            if condition.contains(":b") { values[":b"] = ["N": "7"] }
            var input = object(#"{"TableName":"ops","KeyConditionExpression":"pk = :p AND \#(condition)"}"#)
            input["ExpressionAttributeValues"] = .object(values)
            let keys = try await h.allItems("Query", input).compactMap { $0.scalar("sk") }
            #expect(keys == expected, "\(condition)")
        }
        let legacy = try await h.ok(
            "Query",
            json(
                #"{"TableName":"ops","KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]},"sk":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"2"},{"N":"4"}]}}}"#
            ))
        #expect(legacy["Items"]?.arrayValue?.compactMap { $0.scalar("sk") } == ["2", "3", "4"])
    }
}
