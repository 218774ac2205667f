import AWSProtocol
import Testing

@testable import DynamoDB

@Suite struct ListTablesTests {
    @Test func byteWiseOrderAndPaging() async throws {
        let h = Harness()
        for name in ["abc", "ABC", "_x_", "a-b", "a.b", "123", "Zed", "zed"] { try await h.createBasic(name) }
        let all = try await h.ok("ListTables", [:])
        #expect(all["TableNames"] == ["123", "ABC", "Zed", "_x_", "a-b", "a.b", "abc", "zed"])
        #expect(all["LastEvaluatedTableName"] == nil)

        let first = try await h.ok("ListTables", ["Limit": 3])
        #expect(first["TableNames"] == ["123", "ABC", "Zed"])
        #expect(first["LastEvaluatedTableName"] == "Zed")
        let second = try await h.ok("ListTables", ["Limit": 5, "ExclusiveStartTableName": "Zed"])
        #expect(second["TableNames"] == ["_x_", "a-b", "a.b", "abc", "zed"])
        #expect(second["LastEvaluatedTableName"] == nil)
    }

    @Test func startNameNeedNotExist() async throws {
        let h = Harness()
        for name in ["aaa", "ccc", "eee"] { try await h.createBasic(name) }
        let page = try await h.ok("ListTables", ["ExclusiveStartTableName": "bbb"])
        #expect(page["TableNames"] == ["ccc", "eee"])
        let none = try await h.ok("ListTables", ["ExclusiveStartTableName": "zzz"])
        #expect(none["TableNames"] == [])
    }

    @Test func creatingAndDeletingTablesAreListed() async throws {
        let h = Harness {
            $0.createSeconds = 5
            $0.deleteSeconds = 5
        }
        try await h.createBasic("new")
        h.clock.advance(by: 5)
        try await h.ok("DeleteTable", ["TableName": "new"])
        try await h.createBasic("other")
        #expect(try await h.ok("ListTables", [:])["TableNames"] == ["new", "other"])
        h.clock.advance(by: 5)
        #expect(try await h.ok("ListTables", [:])["TableNames"] == ["other"])
    }
}

@Suite struct ManyTablesTests {
    @Test func twoThousandFiveHundredTablesPageInOrder() async throws {
        let h = Harness()
        var expected: [String] = []
        for i in 0..<2500 {
            // Mixed case and digits so byte-wise order differs from creation order.
            let name = (i % 2 == 0 ? "T" : "t") + String(2500 - i) + "-tbl"
            expected.append(name)
            try await h.createBasic(name)
        }
        expected.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var seen: [String] = []
        var start: JSONValue?
        var pages = 0
        repeat {
            var input = JSONObject()
            if let start { input["ExclusiveStartTableName"] = start }
            let page = try await h.ok("ListTables", .object(input))
            seen += (page["TableNames"]?.arrayValue ?? []).compactMap(\.stringValue)
            start = page["LastEvaluatedTableName"]
            pages += 1
        } while start != nil && pages < 100
        #expect(pages == 25)
        #expect(seen == expected)
        let quota = await h.fail("CreateTable", .object(basicTable("one-too-many")))
        #expect(quota?.message == "Subscriber limit exceeded: There is a limit of 2500 tables per subscriber")
    }
}
