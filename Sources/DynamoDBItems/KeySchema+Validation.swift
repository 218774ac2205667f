/// Checking items and keys against a key schema with AWS's messages: "Primary key" and "Partition key
/// and sort key length" limits in "Service, account, and table quotas in Amazon DynamoDB"
/// (2048 bytes partition, 1024 bytes sort).
extension KeySchema {
    public static let maximumPartitionKeySize = 2048
    public static let maximumSortKeySize = 1024

    /// The primary key of an item being written (PutItem): every key attribute present, of its type,
    /// not empty, within the size limits.
    public func key(ofItem item: Item) throws(ItemError) -> PrimaryKey {
        var values: [KeyValue] = []
        for element in elements {
            guard let value = item[element.name] else {
                throw .validation("One or more parameter values were invalid: Missing the key \(element.name) in the item")
            }
            values.append(try checked(value, element))
        }
        return try sized(values)
    }

    /// The primary key named by a request's `Key` (GetItem, UpdateItem, DeleteItem): exactly the
    /// schema's attributes, of their types, not empty.
    public func key(ofKey key: Item) throws(ItemError) -> PrimaryKey {
        let mismatch = ItemError.validation("The provided key element does not match the schema")
        guard key.count == elements.count else { throw mismatch }
        var values: [KeyValue] = []
        for element in elements {
            guard let value = key[element.name] else { throw mismatch }
            guard value.typeName == element.type.attributeType else { throw mismatch }
            values.append(try checked(value, element))
        }
        return try sized(values)
    }

    /// An item's key under a secondary index's schema, or nil when the item lacks an index key attribute
    /// (sparse indexes). A present attribute of the wrong type or empty is refused as AWS refuses it.
    public func indexKey(ofItem item: Item, indexName: String) throws(ItemError) -> PrimaryKey? {
        var values: [KeyValue] = []
        for element in elements {
            guard let value = item[element.name] else { return nil }
            guard let keyValue = KeyValue(value), keyValue.type == element.type else {
                throw .validation(
                    "One or more parameter values were invalid: Type mismatch for Index Key \(element.name) Expected: "
                        + "\(element.type.rawValue) Actual: \(value.typeName.rawValue) IndexName: \(indexName)")
            }
            if KeySchema.isEmpty(keyValue) {
                throw .validation(
                    "One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
                        + "The AttributeValue for a key attribute cannot contain an empty \(KeySchema.emptyWord(keyValue)) value. "
                        + "IndexName: \(indexName), IndexKey: \(element.name)")
            }
            values.append(keyValue)
        }
        let partitionCount = partitionElements.count
        return storedKey(partitions: Array(values.prefix(partitionCount)), sorts: Array(values.dropFirst(partitionCount)))
    }

    private func checked(_ value: AttributeValue, _ element: Element) throws(ItemError) -> KeyValue {
        guard let keyValue = KeyValue(value), keyValue.type == element.type else {
            throw .validation(
                "One or more parameter values were invalid: Type mismatch for key \(element.name) expected: "
                    + "\(element.type.rawValue) actual: \(value.typeName.rawValue)")
        }
        if KeySchema.isEmpty(keyValue) {
            throw .validation(
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
                    + "\(KeySchema.emptyWord(keyValue)) value. Key: \(element.name)")
        }
        return keyValue
    }

    private func sized(_ values: [KeyValue]) throws(ItemError) -> PrimaryKey {
        if isMultiAttribute { return try sizedMultiAttribute(values) }
        if values[0].sizeInBytes > KeySchema.maximumPartitionKeySize {
            throw .validation(
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes")
        }
        if values.count > 1, values[1].sizeInBytes > KeySchema.maximumSortKeySize {
            throw .validation(
                "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes")
        }
        return PrimaryKey(partition: values[0], sort: values.count > 1 ? values[1] : nil)
    }

    /// Multi-attribute keys (an index's `ExclusiveStartKey`): each HASH value within the partition key limit, the
    /// RANGE values together within the sort key limit (as the aggregated-size text says; Unverified for them).
    private func sizedMultiAttribute(_ values: [KeyValue]) throws(ItemError) -> PrimaryKey {
        let partitions = Array(values.prefix(partitionElements.count))
        let sorts = Array(values.dropFirst(partitionElements.count))
        if partitions.contains(where: { $0.sizeInBytes > KeySchema.maximumPartitionKeySize }) {
            throw .validation(
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes")
        }
        if sorts.reduce(0, { $0 + $1.sizeInBytes }) > KeySchema.maximumSortKeySize {
            throw .validation(
                "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes")
        }
        return storedKey(partitions: partitions, sorts: sorts)
    }

    private static func isEmpty(_ value: KeyValue) -> Bool {
        switch value {
        case .string(let text): return text.isEmpty
        case .binary(let bytes): return bytes.isEmpty
        case .number: return false
        }
    }

    private static func emptyWord(_ value: KeyValue) -> String {
        if case .binary = value { return "binary" }
        return "string"
    }
}
