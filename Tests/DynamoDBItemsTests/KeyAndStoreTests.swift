import DynamoDBItems
import Testing

/// Key validation against a schema, key ordering, and the ordered store (query ranges, both directions,
/// scans with segments and resumption, sparse indexes, sizes).
@Suite struct KeyAndStoreTests {
    private let schema = KeySchema(partition: .init(name: "pk", type: .string), sort: .init(name: "sk", type: .number))

    private func number(_ text: String) -> AttributeValue { .number((try? DynamoNumber(parsing: text)) ?? .zero) }

    @Test func itemKeysAreCheckedWithAWSMessages() throws {
        #expect(throws: ItemError.validation("One or more parameter values were invalid: Missing the key sk in the item")) {
            try schema.key(ofItem: ["pk": .string("a")])
        }
        #expect(throws: ItemError.validation("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N")) {
            try schema.key(ofItem: ["pk": number("1"), "sk": number("1")])
        }
        #expect(
            throws: ItemError.validation(
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"
            )
        ) {
            try schema.key(ofItem: ["pk": .string(""), "sk": number("1")])
        }
        let binary = KeySchema(partition: .init(name: "id", type: .binary))
        #expect(
            throws: ItemError.validation(
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: id"
            )
        ) {
            try binary.key(ofItem: ["id": .binary([])])
        }
        #expect(
            throws: ItemError.validation(
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes")
        ) {
            try schema.key(ofItem: ["pk": .string(String(repeating: "a", count: 2049)), "sk": number("1")])
        }
        _ = try schema.key(ofItem: ["pk": .string(String(repeating: "a", count: 2048)), "sk": number("1")])
        let stringSort = KeySchema(partition: .init(name: "p", type: .string), sort: .init(name: "s", type: .string))
        #expect(
            throws: ItemError.validation(
                "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes")
        ) {
            try stringSort.key(ofItem: ["p": .string("a"), "s": .string(String(repeating: "é", count: 513))])
        }
    }

    @Test func requestKeysMustMatchTheSchema() throws {
        let mismatch = ItemError.validation("The provided key element does not match the schema")
        #expect(throws: mismatch) { try schema.key(ofKey: ["pk": .string("a")]) }
        #expect(throws: mismatch) { try schema.key(ofKey: ["pk": .string("a"), "sk": number("1"), "x": .null]) }
        #expect(throws: mismatch) { try schema.key(ofKey: ["pk": .string("a"), "sk": .string("1")]) }
        #expect(
            try schema.key(ofKey: ["pk": .string("a"), "sk": number("1.0")])
                == PrimaryKey(partition: .string("a"), sort: .number(try DynamoNumber(parsing: "1"))))
    }

    @Test func indexKeysOfTheWrongTypeAreRefusedAndMissingOnesAreSparse() throws {
        let index = KeySchema(partition: .init(name: "g", type: .string))
        #expect(try index.indexKey(ofItem: ["pk": .string("a")], indexName: "byG") == nil)
        #expect(
            throws: ItemError.validation(
                "One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N IndexName: byG")
        ) {
            try index.indexKey(ofItem: ["g": number("1")], indexName: "byG")
        }
    }

    @Test func keysOrderNumbersNumericallyAndBytesUnsigned() throws {
        #expect(KeyValue.string("Z") < KeyValue.string("a"))
        #expect(KeyValue.string("z") < KeyValue.string("é"))  // 0x7A < 0xC3
        #expect(KeyValue.binary([0x7F]) < KeyValue.binary([0x80]))
        #expect(KeyValue.binary([0x01]) < KeyValue.binary([0x01, 0x00]))
        #expect(KeyValue.number(try DynamoNumber(parsing: "-10")) < KeyValue.number(try DynamoNumber(parsing: "-9.5")))
        #expect(KeyValue.number(try DynamoNumber(parsing: "9")) < KeyValue.number(try DynamoNumber(parsing: "1E1")))
    }

    private func filledStore() throws -> ItemStore {
        var store = ItemStore(schema: schema)
        for partition in ["a", "b", "c"] {
            for sort in ["-5", "0", "1.5", "2", "10", "100"] {
                let item: Item = ["pk": .string(partition), "sk": number(sort), "g": .string(sort == "2" ? "two" : "other")]
                store.put(item, at: try schema.key(ofItem: item))
            }
        }
        return store
    }

    private func sorts(_ store: ItemStore, _ condition: SortKeyCondition, ascending: Bool = true, after: ReadPosition? = nil) -> [String] {
        var found: [String] = []
        store.query(partition: .string("b"), sort: condition, ascending: ascending, after: after) { item, _ in
            if case .number(let value)? = item["sk"] { found.append(value.text) }
            return true
        }
        return found
    }

    @Test func queriesReadSortKeyRangesInBothDirections() throws {
        let store = try filledStore()
        let value = { (text: String) in KeyValue.number(try DynamoNumber(parsing: text)) }
        #expect(sorts(store, .any) == ["-5", "0", "1.5", "2", "10", "100"])
        #expect(sorts(store, .any, ascending: false) == ["100", "10", "2", "1.5", "0", "-5"])
        #expect(sorts(store, .between(try value("0"), try value("10"))) == ["0", "1.5", "2", "10"])
        #expect(sorts(store, .greater(try value("2"))) == ["10", "100"])
        #expect(sorts(store, .less(try value("1.5")), ascending: false) == ["0", "-5"])
        #expect(sorts(store, .equal(try value("2.0"))) == ["2"])
        let after = ReadPosition(tableKey: PrimaryKey(partition: .string("b"), sort: try value("1.5")))
        #expect(sorts(store, .any, after: after) == ["2", "10", "100"])
        #expect(sorts(store, .any, ascending: false, after: after) == ["0", "-5"])
        #expect(store.itemCount == 18)
    }

    @Test func scansVisitEveryItemOnceAcrossSegmentsAndResumption() throws {
        var store = try filledStore()
        for index in 0..<200 {
            let item: Item = ["pk": .string("p\(index)"), "sk": number("1")]
            store.put(item, at: try schema.key(ofItem: item))
        }
        var all: [ReadPosition] = []
        store.scan { _, position in
            all.append(position)
            return true
        }
        #expect(all.count == 218 && Set(all).count == 218)
        for total in [1, 3, 7] {
            var seen: [ReadPosition] = []
            for segment in 0..<total {
                store.scan(segment: segment, of: total) { _, position in
                    seen.append(position)
                    return true
                }
            }
            #expect(Set(seen) == Set(all) && seen.count == all.count)
        }
        var paged: [ReadPosition] = []
        var after: ReadPosition?
        repeat {
            var page: [ReadPosition] = []
            store.scan(after: after) { _, position in
                page.append(position)
                return page.count < 10
            }
            paged += page
            after = page.count == 10 ? page.last : nil
        } while after != nil
        #expect(paged == all)
    }

    @Test func indexesAreSparseAndFollowWrites() throws {
        var store = try filledStore()
        store.addIndex(named: "byG", schema: KeySchema(partition: .init(name: "g", type: .string), sort: .init(name: "sk", type: .number)))
        #expect(store.itemCount(ofIndex: "byG") == 18)
        var found: [Item] = []
        store.query(partition: .string("two"), index: "byG") { item, _ in
            found.append(item)
            return true
        }
        #expect(found.count == 3)
        let key = PrimaryKey(partition: .string("a"), sort: .number(try DynamoNumber(parsing: "2")))
        store.put(["pk": .string("a"), "sk": number("2")], at: key)
        #expect(store.itemCount(ofIndex: "byG") == 17)
        store.delete(at: PrimaryKey(partition: .string("b"), sort: .number(try DynamoNumber(parsing: "2"))))
        found = []
        store.query(partition: .string("two"), index: "byG") { item, _ in
            found.append(item)
            return true
        }
        #expect(found.count == 1 && store.itemCount == 17)
        var scanned = 0
        store.scan(index: "byG") { _, _ in
            scanned += 1
            return true
        }
        #expect(scanned == 16)
    }

    @Test func stringAndBinarySortKeysOrderByUnsignedBytesAndMatchPrefixes() throws {
        let strings = KeySchema(partition: .init(name: "p", type: .string), sort: .init(name: "s", type: .string))
        var store = ItemStore(schema: strings)
        for sort in ["b", "ab", "abc", "a", "é", "Z", "abd", "ac", "a\u{0}"] {
            let item: Item = ["p": .string("x"), "s": .string(sort)]
            store.put(item, at: try strings.key(ofItem: item))
        }
        func sorts(_ condition: SortKeyCondition, ascending: Bool = true, after: String? = nil) -> [String] {
            var found: [String] = []
            let position = after.map { ReadPosition(tableKey: PrimaryKey(partition: .string("x"), sort: .string($0))) }
            store.query(partition: .string("x"), sort: condition, ascending: ascending, after: position) { item, _ in
                if case .string(let text)? = item["s"] { found.append(text) }
                return true
            }
            return found
        }
        #expect(sorts(.any) == ["Z", "a", "a\u{0}", "ab", "abc", "abd", "ac", "b", "é"])
        #expect(sorts(.beginsWith(.string("ab"))) == ["ab", "abc", "abd"])
        #expect(sorts(.beginsWith(.string("ab")), ascending: false, after: "abd") == ["abc", "ab"])
        #expect(sorts(.beginsWith(.string("zz"))).isEmpty)
        #expect(sorts(.lessOrEqual(.string("ab")), ascending: false) == ["ab", "a\u{0}", "a", "Z"])
        #expect(sorts(.greater(.string("b"))) == ["é"])
        let binary = KeySchema(partition: .init(name: "p", type: .string), sort: .init(name: "s", type: .binary))
        var bytes = ItemStore(schema: binary)
        for sort: [UInt8] in [[0x80], [0x7F], [0x00, 0xFF], [0xFF], [0x00]] {
            let item: Item = ["p": .string("x"), "s": .binary(sort)]
            bytes.put(item, at: try binary.key(ofItem: item))
        }
        var found: [[UInt8]] = []
        bytes.query(partition: .string("x")) { item, _ in
            if case .binary(let value)? = item["s"] { found.append(value) }
            return true
        }
        #expect(found == [[0x00], [0x00, 0xFF], [0x7F], [0x80], [0xFF]])
    }

    @Test func indexQueriesResumeAfterAPositionInBothDirections() throws {
        var store = try filledStore()
        store.addIndex(named: "byG", schema: KeySchema(partition: .init(name: "g", type: .string), sort: .init(name: "sk", type: .number)))
        var positions: [ReadPosition] = []
        store.query(partition: .string("other"), index: "byG") { _, position in
            positions.append(position)
            return true
        }
        #expect(positions.count == 15)
        var rest: [ReadPosition] = []
        store.query(partition: .string("other"), after: positions[6], index: "byG") { _, position in
            rest.append(position)
            return true
        }
        #expect(rest == Array(positions[7...]))
        var before: [ReadPosition] = []
        store.query(partition: .string("other"), ascending: false, after: positions[6], index: "byG") { _, position in
            before.append(position)
            return true
        }
        #expect(before == Array(positions[..<6].reversed()))
    }

    @Test func capacityUnitsRoundAsAWSDoes() {
        #expect(CapacityUnits.read(bytes: 0, consistency: .eventual) == 0.5)
        #expect(CapacityUnits.read(bytes: 4096, consistency: .strong) == 1)
        #expect(CapacityUnits.read(bytes: 4097, consistency: .strong) == 2)
        #expect(CapacityUnits.read(bytes: 4097, consistency: .transactional) == 4)
        #expect(CapacityUnits.write(bytes: 1024) == 1)
        #expect(CapacityUnits.write(bytes: 1025) == 2)
        #expect(CapacityUnits.write(bytes: 1025, transactional: true) == 4)
    }
}
