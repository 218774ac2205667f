import DynamoDBItems

/// A secondary index as the item writes see it: the key attributes it needs and what it copies.
struct SecondaryIndex: Sendable {
    var name: String
    var schema: KeySchema
    var projection: Projection
    var isGlobal: Bool

    /// What identifies the index's contents: its name, key and projection (an index re-created under the
    /// same name with another key or projection holds other entries).
    var signature: String {
        ([name, projection.type.rawValue] + schema.elements.map { "\($0.name):\($0.type.rawValue)" }
            + (projection.nonKeyAttributes ?? [])).joined(separator: "|")
    }

    /// What identifies the index's view in the item store: its name and key (the projection is applied on read).
    var viewSignature: String { ([name] + schema.elements.map { "\($0.name):\($0.type.rawValue)" }).joined(separator: "|") }

    /// The index entry `item` makes with table key `tableSchema`, or nil when the item is not in the index (a key
    /// attribute missing or of another type, as the index views decide).
    func entry(of item: Item?, tableSchema: KeySchema) -> Item? {
        guard let item, schema.storedKey(of: item) != nil else { return nil }
        switch projection.type {
        case .all: return item
        case .keysOnly, .include:
            var kept = Set(tableSchema.names + schema.names)
            if projection.type == .include { kept.formUnion(projection.nonKeyAttributes ?? []) }
            return item.filter { kept.contains($0.key) }
        }
    }
}
