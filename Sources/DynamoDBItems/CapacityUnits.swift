/// Capacity units as DynamoDB charges them: "Read and write capacity units" and "Item sizes and formats",
/// Amazon DynamoDB Developer Guide. Reads: one unit per 4 KB (rounded up) strongly consistent, half of
/// that eventually consistent, twice that in a transaction. Writes: one unit per 1 KB (rounded up), twice
/// that in a transaction. An operation on no item (or a smaller one) still costs one unit.
public enum CapacityUnits {
    /// How a read is served.
    public enum ReadConsistency: Sendable {
        case eventual, strong, transactional
    }

    /// Units for reading `bytes` (one item's size, or the summed sizes a Query or Scan reads).
    public static func read(bytes: Int, consistency: ReadConsistency) -> Double {
        let units = Double(max(1, (bytes + 4095) / 4096))
        switch consistency {
        case .eventual: return units / 2
        case .strong: return units
        case .transactional: return units * 2
        }
    }

    /// Units for writing an item: the larger of its size before and after the write (PutItem, UpdateItem;
    /// DeleteItem passes the deleted item's size).
    public static func write(bytes: Int, transactional: Bool = false) -> Double {
        let units = Double(max(1, (bytes + 1023) / 1024))
        return transactional ? units * 2 : units
    }
}
