import DynamoDBItems
import Foundation
import Testing

/// A figure, never an assertion: resident memory per small item in the store. Runs only with
/// `DYNAMOTRAIL_STORE_MEMORY=<items>` (for example 200000).
@Suite struct ItemStoreMemoryTests {
    private static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return pages * 4096
    }

    @Test func bytesPerSmallItem() throws {
        guard let text = ProcessInfo.processInfo.environment["DYNAMOTRAIL_STORE_MEMORY"], let count = Int(text), count > 0 else { return }
        let schema = KeySchema(partition: .init(name: "pk", type: .string), sort: .init(name: "sk", type: .number))
        let before = Self.residentBytes()
        var store = ItemStore(schema: schema)
        for index in 0..<count {
            let item: Item = [
                "pk": .string("user#\(index / 10)"), "sk": .number(try DynamoNumber(parsing: String(index % 10))),
                "name": .string("name\(index)"), "count": .number(try DynamoNumber(parsing: String(index))),
            ]
            store.put(item, at: try schema.key(ofItem: item))
        }
        let after = Self.residentBytes()
        print(
            "item store: \(count) items, RSS +\((after - before) / 1_048_576) MiB, \((after - before) / count) bytes per item, \(store.sizeInBytes / count) bytes per item by AWS's size rules"
        )
        #expect(store.itemCount == count)
    }
}
