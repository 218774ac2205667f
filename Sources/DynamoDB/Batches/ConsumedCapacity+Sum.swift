/// Summing the capacity of several item reads or writes on one table, as a batch reports it: one
/// `ConsumedCapacity` per table, each item rounded on its own ("BatchGetItem" and "BatchWriteItem" in
/// "Read and write capacity units", Amazon DynamoDB Developer Guide).
extension ConsumedCapacity {
    /// Adds `other`'s units (of the same table) into this one, index by index.
    mutating func add(_ other: ConsumedCapacity) {
        table += other.table
        for index in other.localIndexes { Self.add(index, to: &localIndexes) }
        for index in other.globalIndexes { Self.add(index, to: &globalIndexes) }
    }

    private static func add(_ index: (name: String, units: Double), to indexes: inout [(name: String, units: Double)]) {
        if let position = indexes.firstIndex(where: { $0.name == index.name }) {
            indexes[position].units += index.units
        } else {
            indexes.append(index)
        }
    }
}
