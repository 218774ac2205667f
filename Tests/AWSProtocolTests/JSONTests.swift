import Foundation
import Testing

@testable import AWSProtocol

@Suite struct JSONTests {
    @Test func keepsNumberLexemesAndBooleansApart() throws {
        let value = try JSONParser.parse(#"{"a":5,"b":5.0,"c":true,"d":1,"e":-0.5e3}"#)
        #expect(value["a"] == .number(JSONNumber(text: "5")))
        #expect(value["b"] == .number(JSONNumber(text: "5.0")))
        #expect(value["c"] == .bool(true))
        #expect(value["a"]?.numberValue?.isIntegerLiteral == true)
        #expect(value["b"]?.numberValue?.isIntegerLiteral == false)
        #expect(value["e"]?.numberValue?.doubleValue == -500)
    }

    @Test func roundTripsInMemberOrderWithoutEscapingSlash() throws {
        let text = #"{"z":1,"a":[true,false,null],"s":"a/b\"c\\\n\u0001é😀"}"#
        let value = try JSONParser.parse(text)
        #expect(value.objectValue?.keys == ["z", "a", "s"])
        #expect(JSONWriter.string(value) == #"{"z":1,"a":[true,false,null],"s":"a/b\"c\\\n\u0001é😀"}"#)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#"["\u00e9\ud83d\ude00\/\t"]"#)
        #expect(value.arrayValue?.first == .string("é😀/\t"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\"}", "{\"a\":}", "01", "1.", "-", "tru", "nul", "\"abc", "\"\\x\"",
        "\"\\ud800\"", "[1] x", "{,}", "\"a\u{01}b\"", "1e", "{\"a\":1,}",
    ])
    func refusesMalformedText(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test func everyPrefixOfAValidDocumentIsRefusedOrParsed() {
        // Fed one byte at a time: a truncated document never crashes the parser.
        let bytes = Array(#"{"TableName":"t","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"n":1.5e2}"#.utf8)
        for end in 0..<bytes.count {
            #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(bytes[0..<end])) }
        }
        #expect((try? JSONParser.parse(bytes)) != nil)
    }

    @Test func epochSecondsHaveAMillisecondFraction() {
        #expect(JSONValue.epochSeconds(Date(timeIntervalSince1970: 1_421_866_952.062)) == .number(JSONNumber(text: "1421866952.062")))
        #expect(JSONValue.epochSeconds(Date(timeIntervalSince1970: 1_421_866_952)) == .number(JSONNumber(text: "1421866952")))
        #expect(JSONValue.epochSeconds(Date(timeIntervalSince1970: 1_421_866_952.5)) == .number(JSONNumber(text: "1421866952.5")))
    }
}
