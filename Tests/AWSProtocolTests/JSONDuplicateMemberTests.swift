import Testing

@testable import AWSProtocol

/// A repeated member name keeps its first position and its last value, in small and large objects.
@Suite struct JSONDuplicateMemberTests {
    @Test func theLastValueWinsInTheFirstPosition() throws {
        let value = try JSONParser.parse(#"{"TableName":"A","BillingMode":"PROVISIONED","TableName":"B"}"#)
        #expect(value.objectValue?.keys == ["TableName", "BillingMode"])
        #expect(value["TableName"] == "B")
        #expect(JSONWriter.string(value) == #"{"TableName":"B","BillingMode":"PROVISIONED"}"#)
    }

    @Test func largeObjectsMergeRepeatsToo() throws {
        let members = (0..<40).map { #""k\#($0)":\#($0)"# } + [#""k3":"again""#, #""k39":"last""#, #""new":1"#]
        let value = try JSONParser.parse("{" + members.joined(separator: ",") + "}")
        let object = try #require(value.objectValue)
        #expect(object.members.count == 41)
        #expect(object.keys.first == "k0")
        #expect(object.keys.last == "new")
        #expect(object["k3"] == "again")
        #expect(object["k39"] == "last")
        #expect(object.members[3].key == "k3")
    }

    @Test func nestedObjectsMergeTheirOwnRepeats() throws {
        let value = try JSONParser.parse(#"{"a":{"x":1,"x":2},"a":{"y":3,"y":4}}"#)
        #expect(JSONWriter.string(value) == #"{"a":{"y":4}}"#)
    }
}
