/// A table's or an index's key of one item: partition value and, for composite keys, sort value.
public struct PrimaryKey: Sendable, Hashable, Comparable {
    public var partition: KeyValue
    public var sort: KeyValue?

    public init(partition: KeyValue, sort: KeyValue? = nil) {
        self.partition = partition
        self.sort = sort
    }

    public static func < (lhs: PrimaryKey, rhs: PrimaryKey) -> Bool {
        if lhs.partition != rhs.partition { return lhs.partition < rhs.partition }
        switch (lhs.sort, rhs.sort) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let left?, let right?): return left < right
        }
    }

    /// The key as item attributes under `schema`'s names (for `LastEvaluatedKey`, stream `Keys`).
    public func attributes(in schema: KeySchema) -> Item {
        if schema.isMultiAttribute { return schema.attributes(ofStoredKey: self) ?? [:] }
        var item: Item = [schema.partition.name: partition.attributeValue]
        if let sortElement = schema.sort, let sort { item[sortElement.name] = sort.attributeValue }
        return item
    }
}
