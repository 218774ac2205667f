/// An entry kept in a partition, sorted by its order.
protocol PartitionEntry: Sendable {
    associatedtype Order: Comparable & Sendable
    var order: Order { get }
}

/// A sort-key value in a partition's order: no sort key (hash-only tables) first.
struct SortOrder: Sendable, Comparable {
    var value: KeyValue?
    static func < (lhs: SortOrder, rhs: SortOrder) -> Bool {
        switch (lhs.value, rhs.value) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let left?, let right?): return left < right
        }
    }
}

/// An index entry's order: the index sort key, then the table key (items may share index keys).
struct IndexOrder: Sendable, Comparable {
    var sort: SortOrder
    var table: PrimaryKey
    static func < (lhs: IndexOrder, rhs: IndexOrder) -> Bool {
        lhs.sort != rhs.sort ? lhs.sort < rhs.sort : lhs.table < rhs.table
    }
}

/// An item in a secondary index: its index sort key and the table key that finds the item.
struct IndexEntry: PartitionEntry {
    var order: IndexOrder
}

extension SortOrder: Equatable {}
extension IndexOrder: Equatable {}
