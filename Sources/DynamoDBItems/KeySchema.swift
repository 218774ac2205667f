/// The key attributes of a table or an index: a partition key and an optional sort key, each with its
/// scalar type from the attribute definitions.
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

    public init(partition: Element, sort: Element? = nil) {
        self.partition = partition
        self.sort = sort
    }

    /// The key attribute names, partition first.
    public var names: [String] { [partition.name] + (sort.map { [$0.name] } ?? []) }
    public var elements: [Element] { [partition] + (sort.map { [$0] } ?? []) }
}
