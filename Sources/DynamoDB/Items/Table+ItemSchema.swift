import DynamoDBItems

/// The table's and its indexes' key schemas as the item store and the item checks use them.
extension Table {
    /// The primary key with each attribute's scalar type from the attribute definitions.
    var itemKeySchema: KeySchema { itemSchema(of: keySchema) }

    /// Every secondary index: local ones first, then global ones, each with its key schema and projection.
    var secondaryIndexes: [SecondaryIndex] {
        localIndexes.map { SecondaryIndex(name: $0.name, schema: itemSchema(of: $0.keySchema), projection: $0.projection, isGlobal: false) }
            + globalIndexes.map {
                SecondaryIndex(name: $0.name, schema: itemSchema(of: $0.keySchema), projection: $0.projection, isGlobal: true)
            }
    }

    /// A key schema typed from the attribute definitions: every HASH then every RANGE attribute in key-schema
    /// order (more than one of a kind only for multi-attribute GSI keys).
    func itemSchema(of elements: [KeyElement]) -> KeySchema {
        func typed(_ element: KeyElement) -> KeySchema.Element {
            let type = attributeDefinitions.first { $0.name == element.name }?.type
            return KeySchema.Element(name: element.name, type: type.flatMap(ScalarType.init(rawValue:)) ?? .string)
        }
        let hashes = elements.filter { $0.type == KeyType.hash.rawValue }.map(typed)
        let ranges = elements.filter { $0.type == KeyType.range.rawValue }.map(typed)
        return KeySchema(partitions: hashes, sorts: ranges)
    }
}
