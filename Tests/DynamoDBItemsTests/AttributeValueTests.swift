import AWSProtocol
import DynamoDBItems
import Testing

/// Attribute values from DynamoDB's JSON form: round trips, AWS's validation messages, sizes, base64.
@Suite struct AttributeValueTests {
    private func decode(_ text: String) throws -> AttributeValue {
        try AttributeValue(wire: JSONParser.parse(Array(text.utf8)))
    }

    @Test(arguments: [
        #"{"S":"hello"}"#, #"{"S":""}"#, #"{"N":"12.5"}"#, #"{"B":"AAEC"}"#, #"{"B":""}"#, #"{"BOOL":true}"#, #"{"NULL":true}"#,
        #"{"M":{"a":{"S":"x"},"b":{"L":[{"N":"1"},{"NULL":true}]}}}"#, #"{"L":[]}"#, #"{"M":{}}"#, #"{"SS":["a","b"]}"#,
        #"{"NS":["1","2"]}"#, #"{"BS":["AA==","AQ=="]}"#,
    ])
    func roundTrips(text: String) throws {
        let value = try decode(text)
        #expect(JSONWriter.string(value.wire) == text)
    }

    @Test(arguments: [
        (#"{}"#, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
        (#"{"S":null}"#, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
        (#"{"X":"a"}"#, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
        (
            #"{"S":"a","N":"1"}"#,
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"
        ),
        (#"{"SS":[]}"#, "One or more parameter values were invalid: An string set  may not be empty"),
        (#"{"NS":[]}"#, "One or more parameter values were invalid: An number set  may not be empty"),
        (#"{"BS":[]}"#, "One or more parameter values were invalid: Binary sets should not be empty"),
        (#"{"SS":["a","a"]}"#, "One or more parameter values were invalid: Input collection [a, a] contains duplicates."),
        (#"{"NS":["1","1.0"]}"#, "Input collection contains duplicates"),
        (
            #"{"BS":["Yg==","Yg=="]}"#,
            "One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates."
        ),
        (#"{"N":"x"}"#, "The parameter cannot be converted to a numeric value: x"),
        (#"{"NS":["1","y"]}"#, "The parameter cannot be converted to a numeric value: y"),
        (#"{"M":{"a":{}}}"#, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
    ])
    func refusesWithAWSMessages(text: String, message: String) {
        #expect(throws: ItemError.validation(message)) { try decode(text) }
    }

    @Test(arguments: [
        (#"{"S":5}"#, "NUMBER_VALUE cannot be converted to String"),
        (#"{"S":true}"#, "TRUE_VALUE cannot be converted to String"),
        (#"{"S":[]}"#, "Unrecognized collection type class java.lang.String"),
        (#"{"BOOL":"x"}"#, "Unexpected token received from parser"),
        (#"{"L":{}}"#, "Start of structure or map found where not expected"),
        (#"{"B":"abc"}"#, "Base64 encoded length is expected a multiple of 4 bytes but found: 3"),
        (#"{"B":"ab!="}"#, "Invalid Base64 character: '!'"),
        (#"{"B":"YR=="}"#, "Invalid last non-pad Base64 character dectected"),
        (#"{"L":["x"]}"#, "Unexpected value type in payload"),
    ])
    func wrongShapesAreSerializationErrors(text: String, message: String) {
        #expect(throws: ItemError.serialization(message)) { try decode(text) }
    }

    @Test func nullFalseIsStoredAsNullTrue() throws {
        #expect(try decode(#"{"NULL":false}"#) == .null)
        #expect(JSONWriter.string(try decode(#"{"NULL":false}"#).wire) == #"{"NULL":true}"#)
    }

    @Test func nestingBeyond32LevelsIsRefused() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: #"{"L":["#, count: depth - 1) + #"{"S":"x"}"# + String(repeating: "]}", count: depth - 1)
        }
        _ = try decode(nested(32))
        #expect(
            throws: ItemError.validation(
                "1 validation error detected: Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit")
        ) {
            try decode(nested(33))
        }
    }

    @Test func base64RoundTripsEveryLength() throws {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + 200) }
            #expect(try Base64.decode(Base64.encode(bytes)) == bytes)
        }
        #expect(Base64.encode(Array("hello".utf8)) == "aGVsbG8=")
    }

    @Test func setsCompareAsSets() throws {
        #expect(try decode(#"{"SS":["a","b"]}"#) == decode(#"{"SS":["b","a"]}"#))
        #expect(try decode(#"{"NS":["1","2"]}"#) == decode(#"{"NS":["2.0","1"]}"#))
        #expect(try decode(#"{"L":[{"S":"a"},{"S":"b"}]}"#) != decode(#"{"L":[{"S":"b"},{"S":"a"}]}"#))
    }

    @Test func sizesFollowTheDeveloperGuide() throws {
        let item: Item = [
            "name": .string("héllo"), "n": .number(try DynamoNumber(parsing: "12345")), "b": .binary([1, 2, 3]), "t": .bool(true),
            "l": .list([.null, .string("ab")]), "m": .map(["k": .string("v")]), "ss": .stringSet(["a", "bc"]),
        ]
        // 4+6, 1+(3+1), 1+3, 1+1, 1+(3+1+1+1+2), 1+(3+1+1+1), 2+3
        #expect(AttributeValue.size(of: item) == 10 + 5 + 4 + 2 + 9 + 7 + 5)
        let big: Item = ["a": .string(String(repeating: "x", count: 400 * 1024 - 1))]
        try AttributeValue.checkSize(of: big)
        let tooBig: Item = ["ab": .string(String(repeating: "x", count: 400 * 1024 - 1))]
        #expect(throws: ItemError.validation("Item size has exceeded the maximum allowed size")) {
            try AttributeValue.checkSize(of: tooBig)
        }
    }
}
