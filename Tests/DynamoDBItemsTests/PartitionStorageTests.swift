import DynamoDBItems
import Testing

/// The store's partitions (one inline entry or a sorted array, found by hash in ordered buckets) against a
/// plain dictionary model: random puts, replacements and deletes, then lookups, queries and scans.
@Suite struct PartitionStorageTests {
    private func number(_ value: Int) -> KeyValue { .number((try? DynamoNumber(parsing: String(value))) ?? .zero) }

    @Test(arguments: [false, true])
    func randomWritesMatchAModel(withSortKey: Bool) throws {
        let schema = KeySchema(
            partition: .init(name: "pk", type: .string), sort: withSortKey ? .init(name: "sk", type: .number) : nil)
        var store = ItemStore(schema: schema)
        var model: [PrimaryKey: Item] = [:]
        var generator = SystemRandomNumberGenerator()
        for step in 0..<4_000 {
            let key = PrimaryKey(
                partition: .string("p\(Int.random(in: 0..<200, using: &generator))"),
                sort: withSortKey ? number(Int.random(in: -5..<5, using: &generator)) : nil)
            if Int.random(in: 0..<3, using: &generator) == 0 {
                #expect(store.delete(at: key) == model.removeValue(forKey: key))
            } else {
                var item = key.attributes(in: schema)
                item["step"] = .number(try DynamoNumber(parsing: String(step)))
                #expect(store.put(item, at: key) == model.updateValue(item, forKey: key))
            }
        }
        #expect(store.itemCount == model.count)
        for (key, item) in model { #expect(store.item(at: key) == item) }
        var scanned: [PrimaryKey: Item] = [:]
        store.scan { item, position in
            #expect(scanned.updateValue(item, forKey: position.tableKey) == nil)
            return true
        }
        #expect(scanned == model)
        for partition in Set(model.keys.map(\.partition)) {
            var sorts: [KeyValue?] = []
            store.query(partition: partition) { _, position in
                sorts.append(position.tableKey.sort)
                return true
            }
            let expected = model.keys.filter { $0.partition == partition }.sorted().map(\.sort)
            #expect(sorts == expected)
        }
    }

    @Test func aCopyIsASnapshotThatLaterWritesDoNotChange() throws {
        let schema = KeySchema(partition: .init(name: "pk", type: .string), sort: .init(name: "sk", type: .number))
        var store = ItemStore(schema: schema)
        let keys =
            (0..<30).map { PrimaryKey(partition: .string("p\($0 % 3)"), sort: number($0)) } + [
                PrimaryKey(partition: .string("single"), sort: number(1))
            ]
        for key in keys { store.put(key.attributes(in: schema), at: key) }
        let snapshot = store
        for key in keys.prefix(15) { store.delete(at: key) }
        for key in keys.suffix(16) {
            var item = key.attributes(in: schema)
            item["changed"] = .bool(true)
            store.put(item, at: key)
        }
        #expect(snapshot.itemCount == keys.count)
        for key in keys { #expect(snapshot.item(at: key) == key.attributes(in: schema)) }
        #expect(store.itemCount == keys.count - 15)
    }

    @Test func partitionHashesAreFNV1aOfTheTypeByteAndTheValue() throws {
        func fnv(_ bytes: [UInt8]) -> UInt64 {
            bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        }
        #expect(KeyValue.string("héllo").partitionHash == fnv([0] + Array("héllo".utf8)))
        #expect(KeyValue.number(try DynamoNumber(parsing: "-1.50E2")).partitionHash == fnv([1] + Array("-150".utf8)))
        #expect(KeyValue.binary([0x00, 0xff]).partitionHash == fnv([2, 0x00, 0xff]))
    }
}
