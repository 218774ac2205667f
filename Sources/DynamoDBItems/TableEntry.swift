/// An item in its table partition, ordered by its sort key, kept as one packed buffer: the sort key (a
/// `CompactItem` value with its tag, or the NULL tag in a table without one) then the item in `CompactItem`'s
/// format. A stored item costs that one allocation; its sort key and attributes are decoded when read.
struct TableEntry: PartitionEntry {
    private let packed: [UInt8]

    init(sort: KeyValue?, item: Item) {
        let sortValue = sort?.attributeValue ?? .null
        var packed: [UInt8] = []
        packed.reserveCapacity(CompactItem.encodedSize(of: sortValue) + CompactItem.encodedSize(of: item))
        CompactItem.append(sortValue, to: &packed)
        CompactItem.append(item, to: &packed)
        self.packed = packed
    }

    /// The sort key; nil in a table without one.
    var sort: KeyValue? {
        packed.withUnsafeBufferPointer { buffer in
            var reader = CompactItemReader(buffer)
            return reader.readValue(depth: 0).flatMap(KeyValue.init)
        }
    }

    /// The item. The buffer was written by `init`, so it decodes; were it ever corrupt, the item reads as
    /// empty rather than stopping the process.
    var item: Item {
        packed.withUnsafeBufferPointer { buffer in
            var reader = CompactItemReader(buffer)
            guard reader.skipKeyValue(), let item = reader.readMap(depth: 0), reader.isAtEnd else { return [:] }
            return item
        }
    }

    var order: SortOrder { SortOrder(value: sort) }
}
