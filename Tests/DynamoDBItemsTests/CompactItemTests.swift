import DynamoDBItems
import Testing

/// The store's packed item form: every attribute type round-trips, known byte strings decode, and corrupt
/// or truncated buffers decode to nil instead of trapping.
@Suite struct CompactItemTests {
    private func number(_ text: String) throws -> DynamoNumber { try DynamoNumber(parsing: text) }

    private func everyType() throws -> Item {
        [
            "S": .string("héllo ✓ 𝄞"), "emptyS": .string(""), "B": .binary([0x00, 0x7f, 0x80, 0xff]), "emptyB": .binary([]),
            "N": .number(try number("-12.5")), "zero": .number(.zero),
            "big": .number(try number("9.9999999999999999999999999999999999999E+125")),
            "small": .number(try number("1E-130")), "digits38": .number(try number("12345678901234567890123456789012345678")),
            "negativeExponent": .number(try number("-0.000123")), "true": .bool(true), "false": .bool(false), "null": .null,
            "SS": .stringSet(["b", "a", "ü"]), "NS": .numberSet([try number("3"), try number("-1E+10"), try number("0.5")]),
            "BS": .binarySet([[0xff], [0x00, 0x80], []]), "L": .list([.string("x"), .number(try number("1")), .list([]), .map([:])]),
            "M": .map(["inner": .map(["deeper": .list([.null, .bool(true), .binarySet([[0x90]])])]), "": .string("empty name")]),
            "ünïcode name": .string("value"),
        ]
    }

    @Test func everyAttributeTypeRoundTrips() throws {
        let item = try everyType()
        let packed = CompactItem(item)
        #expect(packed.item == item)
        #expect(CompactItem.decode(packed.bytes) == item)
        #expect(CompactItem(bytes: packed.bytes) == packed)
    }

    @Test func setsKeepTheirMembersOrder() throws {
        let item: Item = ["SS": .stringSet(["z", "a", "m"]), "NS": .numberSet([try number("10"), try number("2")])]
        guard case .stringSet(let members)? = CompactItem(item).item["SS"] else { return #expect(Bool(false)) }
        #expect(members == ["z", "a", "m"])
        guard case .numberSet(let numbers)? = CompactItem(item).item["NS"] else { return #expect(Bool(false)) }
        #expect(numbers.map(\.text) == ["10", "2"])
    }

    @Test func numbersKeepEveryDigitAndTheirExponent() throws {
        for text in ["0", "1", "-1", "10", "0.1", "123.456", "-9.87E-100", "1E+125", "99999999999999999999999999999999999999", "5E-130"] {
            let value = try number(text)
            let decoded = CompactItem(["n": .number(value)]).item["n"]
            #expect(decoded == .number(value), "\(text)")
            guard case .number(let back)? = decoded else { continue }
            #expect(back.text == value.text && back.exponent == value.exponent && back.digits == value.digits)
        }
    }

    @Test func nestedThirtyTwoLevelsRoundTrip() {
        var value = AttributeValue.string("bottom")
        for level in 0..<32 { value = level % 2 == 0 ? .list([value]) : .map(["m": value]) }
        let item: Item = ["deep": value]
        #expect(CompactItem(item).item == item)
    }

    @Test func decodesKnownByteStrings() throws {
        // {"a": {"S": "hi"}}: count 1, name "a", tag S, "hi".
        #expect(CompactItem.decode([1, 1, 0x61, 0, 2, 0x68, 0x69]) == ["a": .string("hi")])
        // {"n": {"N": "-12.5"}}: digits 1 2 5 (count 3, negative: header 7), exponent 2 (zig-zag 4), nibbles 0x12 0x50.
        #expect(CompactItem.decode([1, 1, 0x6e, 1, 7, 4, 0x12, 0x50]) == ["n": .number(try number("-12.5"))])
        // {"z": {"N": "0"}, "t": {"BOOL": true}, "x": {"NULL": true}}
        #expect(CompactItem.decode([3, 1, 0x7a, 1, 0, 1, 0x74, 4, 1, 0x78, 5]) == ["z": .number(.zero), "t": .bool(true), "x": .null])
        // {"b": {"BS": [[0x80, 0xff]]}}
        #expect(CompactItem.decode([1, 1, 0x62, 10, 1, 2, 0x80, 0xff]) == ["b": .binarySet([[0x80, 0xff]])])
        #expect(CompactItem.decode([0]) == [:])
        // A 300-byte string: its length takes two varint bytes (0xac 0x02).
        let long = [UInt8](repeating: 0x41, count: 300)
        #expect(CompactItem.decode([1, 1, 0x6c, 0, 0xac, 0x02] + long) == ["l": .string(String(repeating: "A", count: 300))])
    }

    @Test(arguments: [
        [UInt8](), [1], [1, 1, 0x61], [1, 1, 0x61, 0], [1, 1, 0x61, 0, 3, 0x68, 0x69],  // truncated
        [1, 1, 0x61, 11], [1, 1, 0x61, 0xff],  // unknown tags
        [1, 1, 0x61, 0, 2, 0x68, 0x69, 0x00],  // extra bytes
        [2, 1, 0x61, 5, 1, 0x61, 5],  // duplicate names
        [1, 2, 0xc3, 0x28, 5],  // invalid UTF-8 in a name
        [1, 1, 0x61, 0, 2, 0xff, 0xfe],  // invalid UTF-8 in a value
        [1, 1, 0x6e, 1, 2, 0, 0xa0],  // a digit above 9
        [1, 1, 0x6e, 1, 2, 0, 0x00],  // a leading zero digit
        [1, 1, 0x6e, 1, 1],  // a zero with a sign
        [1, 1, 0x6e, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],  // an endless varint
        [0xff, 0xff, 0xff, 0xff, 0x0f],  // a count far beyond the bytes
        [1, 1, 0x6c, 7, 0xff, 0xff, 0xff, 0xff, 0x0f],  // a list count far beyond the bytes
    ])
    func corruptBuffersDecodeToNil(bytes: [UInt8]) {
        #expect(CompactItem.decode(bytes) == nil)
        #expect(CompactItem(bytes: bytes) == nil)
    }

    @Test func deepNestingBeyondTheLimitDecodesToNil() {
        // 100,000 nested single-element lists: the decoder stops at its depth limit instead of exhausting the stack.
        let bytes: [UInt8] = [1, 1, 0x61] + Array(repeating: [7, 1], count: 100_000).flatMap { $0 } + [5]
        #expect(CompactItem.decode(bytes) == nil)
    }

    @Test func everyTruncationAndByteFlipOfAnItemIsSafe() throws {
        let bytes = CompactItem(try everyType()).bytes
        for length in 0..<bytes.count { #expect(CompactItem.decode(Array(bytes[..<length])) == nil) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var corrupt = bytes
            corrupt[Int.random(in: 0..<corrupt.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            _ = CompactItem.decode(corrupt)  // any answer but a trap
        }
    }

    @Test func theStoreKeepsAndReturnsItemsUnchanged() throws {
        let schema = KeySchema(partition: .init(name: "pk", type: .string), sort: .init(name: "sk", type: .number))
        var store = ItemStore(schema: schema)
        var item = try everyType()
        item["pk"] = .string("p")
        item["sk"] = .number(try number("7"))
        let key = try schema.key(ofItem: item)
        #expect(store.put(item, at: key) == nil)
        #expect(store.item(at: key) == item)
        #expect(store.sizeInBytes == AttributeValue.size(of: item))
        var replacement = item
        replacement["S"] = .string("changed")
        #expect(store.put(replacement, at: key) == item)
        #expect(store.delete(at: key) == replacement)
        #expect(store.itemCount == 0 && store.sizeInBytes == 0)
    }
}
