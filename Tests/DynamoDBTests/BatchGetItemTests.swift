import AWSProtocol
import Foundation
import Testing

@testable import DynamoDB

/// BatchGetItem from values: answers per table, projections, capacity by DynamoDB's rules, the 100-key and
/// 16 MB limits, duplicates and missing tables.
@Suite struct BatchGetItemTests {
    /// A string item `pk` with a `data` attribute of `size` characters.
    static func item(_ key: String, data size: Int = 1, extra: [String: JSONValue] = [:]) -> JSONValue {
        var object: JSONObject = ["pk": ["S": .string(key)], "data": ["S": .string(String(repeating: "x", count: size))]]
        for (name, value) in extra { object.append(name, value) }
        return .object(object)
    }

    static func key(_ key: String) -> JSONValue { ["pk": ["S": .string(key)]] }

    static func put(_ h: Harness, _ table: String, _ items: [JSONValue]) async throws {
        for start in stride(from: 0, to: items.count, by: 25) {
            let requests = items[start..<min(start + 25, items.count)].map { JSONValue.object(["PutRequest": ["Item": $0]]) }
            try await h.ok("BatchWriteItem", .object(["RequestItems": .object([table: .array(Array(requests))])]))
        }
    }

    @Test func answersEveryTableWithTheItemsThatExist() async throws {
        let h = Harness()
        try await h.createBasic("alpha")
        try await h.createBasic("beta")
        try await Self.put(h, "alpha", [Self.item("a1"), Self.item("a2")])
        let answer = try await h.ok(
            "BatchGetItem",
            json(
                #"{"RequestItems":{"alpha":{"Keys":[{"pk":{"S":"a1"}},{"pk":{"S":"zz"}},{"pk":{"S":"a2"}}]},"#
                    + #""beta":{"Keys":[{"pk":{"S":"b1"}}]}}}"#))
        #expect(answer.keys == ["Responses", "UnprocessedKeys"])
        #expect(answer["Responses"]?["alpha"]?.arrayValue?.count == 2)
        #expect(answer["Responses"]?["beta"] == [])
        #expect(answer["UnprocessedKeys"] == .object(JSONObject()))
    }

    @Test func projectionsAndAttributesToGetApplyPerTable() async throws {
        let h = Harness()
        try await h.createBasic("alpha")
        try await h.createBasic("beta")
        let extra: [String: JSONValue] = ["m": ["M": ["x": ["N": "1"], "y": ["N": "2"]]], "c": ["S": "c"]]
        try await Self.put(h, "alpha", [Self.item("k", extra: extra)])
        try await Self.put(h, "beta", [Self.item("k", extra: extra)])
        let answer = try await h.ok(
            "BatchGetItem",
            json(
                ##"{"RequestItems":{"alpha":{"Keys":[{"pk":{"S":"k"}}],"ProjectionExpression":"#m.x, c","##
                    + ##""ExpressionAttributeNames":{"#m":"m"}},"beta":{"Keys":[{"pk":{"S":"k"}}],"AttributesToGet":["pk","nope"]}}}"##))
        let projected = answer["Responses"]?["alpha"]?.arrayValue?.first
        #expect(projected?.keys.sorted() == ["c", "m"])
        #expect(projected?["m"] == ["M": ["x": ["N": "1"]]])
        #expect(answer["Responses"]?["beta"] == [["pk": ["S": "k"]]])
    }

    @Test func consumedCapacityIsOneEntryPerTableWithEachItemRounded() async throws {
        let h = Harness()
        try await h.createBasic("alpha")
        try await h.createBasic("beta")
        // 5,000 bytes: two 4 KB units; a small item and a missing key: one unit each.
        try await Self.put(h, "alpha", [Self.item("big", data: 5_000), Self.item("small")])
        let request =
            #"{"RequestItems":{"alpha":{"Keys":[{"pk":{"S":"big"}},{"pk":{"S":"small"}},{"pk":{"S":"none"}}]%@},"#
            + #""beta":{"Keys":[{"pk":{"S":"none"}}]}},"ReturnConsumedCapacity":"%@"}"#
        func call(_ consistent: Bool, _ report: String) async throws -> JSONValue {
            let text = request.replacingFirst("%@", consistent ? #","ConsistentRead":true"# : "").replacingFirst("%@", report)
            return try await h.ok("BatchGetItem", json(text))
        }
        #expect(
            try await call(false, "TOTAL")["ConsumedCapacity"] == [
                ["TableName": "alpha", "CapacityUnits": .double(2.0)], ["TableName": "beta", "CapacityUnits": .double(0.5)],
            ])
        #expect(try await call(true, "TOTAL")["ConsumedCapacity"]?.arrayValue?[0] == ["TableName": "alpha", "CapacityUnits": .double(4.0)])
        #expect(
            try await call(false, "INDEXES")["ConsumedCapacity"]?.arrayValue?[1] == [
                "TableName": "beta", "CapacityUnits": .double(0.5), "Table": ["CapacityUnits": .double(0.5)],
            ])
        #expect(try await call(false, "NONE")["ConsumedCapacity"] == nil)
    }

    @Test func answersBeyondSixteenMegabytesComeBackAsUnprocessedKeys() async throws {
        let h = Harness()
        try await h.createBasic("big")
        // Items just under 400 KB: 40 fit in 16 MB, the 41st does not.
        let size = 400 * 1024 - 20
        let keys = (0..<45).map { $0 < 10 ? "k0\($0)" : "k\($0)" }
        try await Self.put(h, "big", keys.map { Self.item($0, data: size) })
        let keyList = keys.map { Self.key($0) }
        let answer = try await h.ok(
            "BatchGetItem",
            .object([
                "RequestItems": ["big": ["Keys": .array(keyList), "ConsistentRead": true]], "ReturnConsumedCapacity": "TOTAL",
            ]))
        let returned = answer["Responses"]?["big"]?.arrayValue ?? []
        let unprocessed = answer["UnprocessedKeys"]?["big"]
        #expect(returned.count == 40)
        #expect(unprocessed?["Keys"]?.arrayValue == Array(keyList[40...]))
        #expect(unprocessed?["ConsistentRead"] == true)
        // 100 units per item read (400 KB / 4 KB), only for what was returned.
        #expect(answer["ConsumedCapacity"] == [["TableName": "big", "CapacityUnits": .double(4_000.0)]])
        let rest = try await h.ok("BatchGetItem", .object(["RequestItems": answer["UnprocessedKeys"] ?? .null]))
        #expect(rest["Responses"]?["big"]?.arrayValue?.count == 5)
        #expect(rest["UnprocessedKeys"] == .object(JSONObject()))
    }

    @Test func limitsDuplicatesAndMissingTablesAreRefused() async throws {
        let h = Harness()
        try await h.createBasic("alpha")
        try await h.createBasic("beta")
        let hundred = (0..<100).map { Self.key("k\($0)") }
        let tooMany = await h.fail(
            "BatchGetItem",
            .object(["RequestItems": ["alpha": ["Keys": .array(hundred)], "beta": ["Keys": [Self.key("x")]]]]))
        #expect(tooMany?.message == "Too many items requested for the BatchGetItem call")
        let overList = await h.fail(
            "BatchGetItem", .object(["RequestItems": ["alpha": ["Keys": .array(hundred + [Self.key("y")])]]]))
        #expect(
            overList?.message?.hasSuffix(
                "at 'requestItems.alpha.member.keys' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 100") == true)
        let duplicate = await h.fail(
            "BatchGetItem", .object(["RequestItems": ["alpha": ["Keys": [Self.key("a"), Self.key("b"), Self.key("a")]]]]))
        #expect(duplicate?.message == "Provided list of item keys contains duplicates")
        let missing = await h.fail("BatchGetItem", .object(["RequestItems": ["nope": ["Keys": [Self.key("a")]]]]))
        #expect(missing?.type == "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException")
        #expect(missing?.message == "Requested resource not found")
        let empty = await h.fail("BatchGetItem", .object(["RequestItems": .object(JSONObject())]))
        #expect(empty?.message == "The requestItems parameter is required for BatchGetItem")
    }

    @Test func exactlyOneHundredKeysAreServed() async throws {
        let h = Harness()
        try await h.createBasic("alpha")
        let hundred = (0..<100).map { Self.key("k\($0)") }
        let answer = try await h.ok("BatchGetItem", .object(["RequestItems": ["alpha": ["Keys": .array(hundred)]]]))
        #expect(answer["Responses"]?["alpha"] == [])
    }

    @Test func aTableArnNamesTheTableAndKeysTheAnswer() async throws {
        let h = Harness()
        try await h.createBasic("alpha")
        try await Self.put(h, "alpha", [Self.item("a")])
        let arn = "arn:aws:dynamodb:\(testRegion):\(testAccount):table/alpha"
        let answer = try await h.ok(
            "BatchGetItem",
            .object(["RequestItems": .object([arn: ["Keys": [Self.key("a")]]]), "ReturnConsumedCapacity": "TOTAL"]))
        #expect(answer["Responses"]?[arn]?.arrayValue?.count == 1)
        #expect(answer["ConsumedCapacity"]?.arrayValue?[0]["TableName"] == .string(arn))
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, _ replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
