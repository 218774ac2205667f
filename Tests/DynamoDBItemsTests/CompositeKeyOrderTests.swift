import DynamoDBItems
import Testing

/// Multi-attribute GSI keys from values: the composite encoding orders as the attributes compared left to
/// right by their types (N numerically with negatives and exponents, S by UTF-8 bytes, B by unsigned bytes
/// including bytes >= 0x80), decodes back, and the index view keeps and queries such keys.
@Suite struct CompositeKeyOrderTests {
    private func n(_ text: String) -> KeyValue { .number((try? DynamoNumber(parsing: text)) ?? .zero) }
    private let numbers = [
        "-1E+125", "-100", "-10", "-9.5", "-1", "-0.5", "-1E-129", "0", "1E-129", "0.001", "0.5", "1", "1.5", "9", "10", "1E1", "10.5",
        "100", "9.99E125",
    ]
    private let strings = ["", "A", "Z", "a", "a\u{0}", "a\u{0}b", "ab", "b", "z", "é", "\u{FFFF}"]
    private let binaries: [[UInt8]] = [
        [], [0x00], [0x00, 0x00], [0x00, 0x01], [0x01], [0x7F], [0x80], [0x80, 0x00], [0xFE], [0xFF], [0xFF, 0xFF],
    ]

    private func sorted(_ values: [KeyValue]) -> [KeyValue] { values.sorted() }

    /// Every pair of tuples (first, second) compares by its encoding as the tuple compares left to right.
    private func checkOrder(_ firsts: [KeyValue], _ seconds: [KeyValue]) {
        var tuples: [[KeyValue]] = []
        for first in firsts { for second in seconds { tuples.append([first, second]) } }
        for left in tuples {
            for right in tuples {
                let tupleLess = left[0] != right[0] ? left[0] < right[0] : left[1] < right[1]
                let encodedLess = CompositeKey.value(of: left, endMarker: true) < CompositeKey.value(of: right, endMarker: true)
                #expect(tupleLess == encodedLess, "\(left) vs \(right)")
            }
        }
    }

    @Test func numbersStringsAndBinariesOrderLeftToRight() {
        let ns = numbers.map(n)
        #expect(sorted(ns) == ns)  // the fixture is ascending
        checkOrder(ns, strings.map(KeyValue.string))
        checkOrder(strings.map(KeyValue.string), binaries.map(KeyValue.binary))
        checkOrder(binaries.map(KeyValue.binary), ns)
    }

    @Test func encodedKeysDecodeBack() {
        for number in numbers {
            for string in strings {
                for binary in binaries {
                    let values: [KeyValue] = [n(number), .string(string), .binary(binary)]
                    let key = CompositeKey.value(of: values, endMarker: true)
                    #expect(CompositeKey.components(of: key, types: [.number, .string, .binary], endMarker: true) == values)
                }
            }
        }
        #expect(CompositeKey.components(of: .binary([0x01, 0x61]), types: [.string], endMarker: false) == nil)
        #expect(CompositeKey.components(of: .binary([0x03, 0x80]), types: [.number], endMarker: false) == nil)
        #expect(CompositeKey.components(of: .string("x"), types: [.string], endMarker: false) == nil)
    }

    private let schema = KeySchema(
        partitions: [.init(name: "h1", type: .string), .init(name: "h2", type: .number)],
        sorts: [.init(name: "r1", type: .number), .init(name: "r2", type: .binary), .init(name: "r3", type: .string)])
    private let table = KeySchema(partition: .init(name: "pk", type: .string))

    private func filledStore() -> ItemStore {
        var store = ItemStore(schema: table)
        store.addIndex(named: "gsi", schema: schema)
        var index = 0
        for r1 in ["-10", "-1.5", "0", "2", "1E2"] {
            for r2: [UInt8] in [[0x01], [0x80], [0xFF]] {
                for r3 in ["a", "ab", "b"] {
                    let item: Item = [
                        "pk": .string("p\(index)"), "h1": .string("t"), "h2": n("7").attributeValue, "r1": n(r1).attributeValue,
                        "r2": .binary(r2), "r3": .string(r3),
                    ]
                    store.put(item, at: PrimaryKey(partition: .string("p\(index)")))
                    index += 1
                }
            }
        }
        // Sparse: a missing RANGE attribute or one of another type keeps the item out of the index.
        store.put(
            ["pk": .string("x1"), "h1": .string("t"), "h2": n("7").attributeValue, "r1": n("1").attributeValue],
            at: PrimaryKey(partition: .string("x1")))
        store.put(
            [
                "pk": .string("x2"), "h1": .string("t"), "h2": .string("7"), "r1": n("1").attributeValue, "r2": .binary([1]),
                "r3": .string("a"),
            ],
            at: PrimaryKey(partition: .string("x2")))
        return store
    }

    private func read(_ store: ItemStore, _ sort: SortKeyCondition, ascending: Bool = true) -> [[KeyValue]] {
        var found: [[KeyValue]] = []
        let partition = schema.storedKey(partitions: [.string("t"), n("7.0")], sorts: []).partition
        store.query(partition: partition, sort: sort, ascending: ascending, index: "gsi") { item, position in
            let attributes = position.indexKey.map { $0.attributes(in: schema) } ?? [:]
            #expect(attributes["r1"] == item["r1"] && attributes["h2"] == item["h2"])
            found.append(["r1", "r2", "r3"].compactMap { item[$0].flatMap(KeyValue.init) })
            return true
        }
        return found
    }

    @Test func theIndexViewOrdersByTheRangeAttributesLeftToRight() {
        let store = filledStore()
        #expect(store.itemCount(ofIndex: "gsi") == 45)
        let all = read(store, .any)
        #expect(all.count == 45)
        #expect(all == all.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(read(store, .any, ascending: false) == all.reversed())
        #expect(all.first == [n("-10"), .binary([0x01]), .string("a")])
        #expect(all.last == [n("100"), .binary([0xFF]), .string("b")])
    }

    @Test func sortConditionsOverAPrefixSelectTheirRange() {
        let store = filledStore()
        let all = read(store, .any)
        func expect(_ prefix: [KeyValue], _ last: SortKeyCondition, _ matches: ([KeyValue]) -> Bool) {
            let expected = all.filter { values in
                zip(prefix, values).allSatisfy { $0 == $1 } && last.matches(values[prefix.count])
            }
            #expect(read(store, CompositeKey.sortCondition(prefix: prefix, last: last)) == expected)
            let allMatch = expected.allSatisfy { matches($0) }
            #expect(allMatch)
            #expect(read(store, CompositeKey.sortCondition(prefix: prefix, last: last), ascending: false) == expected.reversed())
        }
        expect([], .any) { _ in true }
        expect([], .less(n("0"))) { $0[0] < n("0") }
        expect([], .lessOrEqual(n("0"))) { $0[0] <= n("0") }
        expect([], .greater(n("-1.5"))) { $0[0] > n("-1.5") }
        expect([], .greaterOrEqual(n("2"))) { $0[0] >= n("2") }
        expect([], .equal(n("2.0"))) { $0[0] == n("2") }
        expect([], .between(n("-1.5"), n("2"))) { _ in true }
        expect([n("0")], .any) { $0[0] == n("0") }
        expect([n("0")], .greater(.binary([0x01]))) { $0[1] > .binary([0x01]) }
        expect([n("0")], .less(.binary([0xFF]))) { $0[1] < .binary([0xFF]) }
        expect([n("0")], .beginsWith(.binary([0x80]))) { $0[1] == .binary([0x80]) }
        expect([n("0"), .binary([0x80])], .beginsWith(.string("a"))) { _ in true }
        expect([n("0"), .binary([0x80])], .lessOrEqual(.string("ab"))) { _ in true }
        expect([n("0"), .binary([0x80])], .greater(.string("a"))) { _ in true }
        expect([n("0"), .binary([0x80])], .equal(.string("ab"))) { $0[2] == .string("ab") }
        expect([n("0"), .binary([0x80])], .between(.string("ab"), .string("b"))) { _ in true }
        #expect(read(store, CompositeKey.sortCondition(prefix: [n("0"), .binary([0x80])], last: .equal(.string("ab")))).count == 1)
    }

    @Test func storedKeysComeFromItemsAndGoBackToAttributes() throws {
        let item: Item = [
            "h1": .string("t"), "h2": n("7").attributeValue, "r1": n("-1.5").attributeValue, "r2": .binary([0x80]), "r3": .string("z"),
        ]
        let key = try #require(schema.storedKey(of: item))
        #expect(key.attributes(in: schema) == item)
        #expect(try schema.indexKey(ofItem: item, indexName: "gsi") == key)
        #expect(schema.storedKey(of: item.filter { $0.key != "r3" }) == nil)
        #expect(schema.names == ["h1", "h2", "r1", "r2", "r3"])
        #expect(schema.isMultiAttribute && !table.isMultiAttribute)
        let single = KeySchema(partitions: [.init(name: "g", type: .string)], sorts: [.init(name: "s", type: .number)])
        #expect(single.storedKey(of: ["g": .string("x"), "s": n("1").attributeValue]) == PrimaryKey(partition: .string("x"), sort: n("1")))
    }
}

extension CompositeKeyOrderTests {
    @Test func keysNamedByAttributesBecomeStoredKeysWithTheSizeLimits() throws {
        let schema = KeySchema(
            partitions: [.init(name: "h1", type: .string), .init(name: "h2", type: .string)],
            sorts: [.init(name: "r1", type: .string), .init(name: "r2", type: .string)])
        let key: Item = ["h1": .string("a"), "h2": .string("b"), "r1": .string("c"), "r2": .string("d")]
        #expect(try schema.key(ofKey: key) == schema.storedKey(of: key))
        #expect(try schema.key(ofItem: key) == schema.storedKey(of: key))
        var long = key
        long["r1"] = .string(String(repeating: "x", count: 600))
        long["r2"] = .string(String(repeating: "y", count: 600))
        #expect(
            throws: ItemError.validation(
                "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes")
        ) { try schema.key(ofKey: long) }
        #expect(throws: ItemError.validation("The provided key element does not match the schema")) {
            try schema.key(ofKey: key.filter { $0.key != "h2" })
        }
    }
}
