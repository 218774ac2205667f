/// The key attributes of a table or an index: a partition key and an optional sort key, each with its
/// scalar type from the attribute definitions. A global secondary index may have multi-attribute keys (up to
/// four HASH and four RANGE attributes: "Multi-attribute keys pattern", Amazon DynamoDB Developer Guide,
/// GSI.DesignPattern.MultiAttributeKeys): `partition` and `sort` are then the first of each, the rest follow
/// in `additionalPartitions` and `additionalSorts`.
public struct KeySchema: Sendable, Hashable {
    /// One key attribute: its name and scalar type (`S`, `N` or `B`).
    public struct Element: Sendable, Hashable {
        public var name: String
        public var type: ScalarType
        public init(name: String, type: ScalarType) {
            self.name = name
            self.type = type
        }
    }

    public var partition: Element
    public var sort: Element?
    /// The HASH attributes after the first (multi-attribute GSI keys), in key-schema order.
    public var additionalPartitions: [Element] = []
    /// The RANGE attributes after the first (multi-attribute GSI keys), in key-schema order.
    public var additionalSorts: [Element] = []

    public init(partition: Element, sort: Element? = nil) {
        self.partition = partition
        self.sort = sort
    }

    /// A key of HASH attributes then RANGE attributes, each list in key-schema order (an empty HASH list
    /// stands for one unnamed string attribute, which no item has).
    public init(partitions: [Element], sorts: [Element]) {
        self.init(partition: partitions.first ?? Element(name: "", type: .string), sort: sorts.first)
        additionalPartitions = Array(partitions.dropFirst())
        additionalSorts = Array(sorts.dropFirst())
    }

    /// Every HASH attribute, in key-schema order.
    public var partitionElements: [Element] { [partition] + additionalPartitions }
    /// Every RANGE attribute, in key-schema order.
    public var sortElements: [Element] { (sort.map { [$0] } ?? []) + additionalSorts }
    /// True for a multi-attribute key (more than one HASH or more than one RANGE attribute).
    public var isMultiAttribute: Bool { !additionalPartitions.isEmpty || !additionalSorts.isEmpty }

    /// The key attribute names, partition first.
    public var names: [String] { elements.map(\.name) }
    public var elements: [Element] { partitionElements + sortElements }
}
