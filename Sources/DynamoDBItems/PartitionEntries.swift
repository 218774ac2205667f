/// The entries of one partition, sorted by order: a partition of one entry (every partition of a table
/// without a sort key) keeps it inline, without an array of its own.
enum PartitionEntries<Entry: PartitionEntry>: Sendable {
    case one(Entry)
    case many([Entry])

    /// The entries as an array (allocated for a single entry).
    var array: [Entry] {
        switch self {
        case .one(let entry): return [entry]
        case .many(let entries): return entries
        }
    }

    /// The entry ordered at `order`, found without copying the entries.
    func entry(at order: Entry.Order) -> Entry? {
        switch self {
        case .one(let entry): return entry.order == order ? entry : nil
        case .many(let entries):
            let index = entries.partitioningIndex { !($0.order < order) }
            return index < entries.count && entries[index].order == order ? entries[index] : nil
        }
    }

    /// Inserts or replaces the entry with `entry`'s order; returns the entry it replaced.
    mutating func upsert(_ entry: Entry) -> Entry? {
        var entries: [Entry]
        switch self {
        case .one(let existing):
            if existing.order == entry.order {
                self = .one(entry)
                return existing
            }
            self = .many(existing.order < entry.order ? [existing, entry] : [entry, existing])
            return nil
        case .many(let current):
            entries = current
        }
        self = .many([])  // keep the array uniquely referenced while it changes
        let index = entries.partitioningIndex { !($0.order < entry.order) }
        var replaced: Entry?
        if index < entries.count, entries[index].order == entry.order {
            replaced = entries[index]
            entries[index] = entry
        } else {
            entries.insert(entry, at: index)
        }
        self = .many(entries)
        return replaced
    }

    /// Removes the entry ordered at `order`; returns it, and whether that left the partition empty (the caller
    /// then drops the partition: a `.one` partition is not changed).
    mutating func remove(_ order: Entry.Order) -> (removed: Entry?, isEmpty: Bool) {
        var entries: [Entry]
        switch self {
        case .one(let existing):
            return existing.order == order ? (existing, true) : (nil, false)
        case .many(let current):
            entries = current
        }
        let index = entries.partitioningIndex { !($0.order < order) }
        guard index < entries.count, entries[index].order == order else { return (nil, false) }
        self = .many([])
        let removed = entries.remove(at: index)
        if entries.count == 1, let last = entries.first { self = .one(last) } else { self = .many(entries) }
        return (removed, entries.isEmpty)
    }
}
