/// Keys of multi-attribute schemas as the ordered store keeps them: a side with one attribute keeps its value,
/// a side with several keeps them as one `CompositeKey` value (the sort side ordered left to right).
extension KeySchema {
    /// The stored key of the values of every HASH then every RANGE attribute, in key-schema order.
    public func storedKey(partitions: [KeyValue], sorts: [KeyValue]) -> PrimaryKey {
        let partition =
            additionalPartitions.isEmpty
            ? partitions.first ?? .string("") : CompositeKey.value(of: partitions, endMarker: false)
        let sort = additionalSorts.isEmpty ? sorts.first : CompositeKey.value(of: sorts, endMarker: true)
        return PrimaryKey(partition: partition, sort: sort)
    }

    /// The stored key of `item` under this schema, or nil when an attribute is missing or of another type
    /// (the item is then not in a sparse index, nor a valid start key).
    public func storedKey(of item: Item) -> PrimaryKey? {
        func values(_ elements: [Element]) -> [KeyValue]? {
            var values: [KeyValue] = []
            for element in elements {
                guard let value = item[element.name].flatMap(KeyValue.init), value.type == element.type else { return nil }
                values.append(value)
            }
            return values
        }
        guard let partitions = values(partitionElements), let sorts = values(sortElements) else { return nil }
        return storedKey(partitions: partitions, sorts: sorts)
    }

    /// The key attributes a stored key stands for (every HASH and RANGE attribute), e.g. for
    /// `LastEvaluatedKey`; nil when the key is not one of this schema.
    public func attributes(ofStoredKey key: PrimaryKey) -> Item? {
        var item: Item = [:]
        func add(_ elements: [Element], _ value: KeyValue?, endMarker: Bool) -> Bool {
            guard let value else { return elements.isEmpty }
            if elements.count == 1 {
                item[elements[0].name] = value.attributeValue
                return true
            }
            let types = elements.map(\.type)
            guard let values = CompositeKey.components(of: value, types: types, endMarker: endMarker) else { return false }
            for (element, value) in zip(elements, values) { item[element.name] = value.attributeValue }
            return true
        }
        guard add(partitionElements, key.partition, endMarker: false), add(sortElements, key.sort, endMarker: true) else {
            return nil
        }
        return item
    }
}
