/// Values shared by many history entries (event names, sources, users, accounts, resource lists),
/// each held once and referred to by a 32-bit id, with a count of the entries using it so a value
/// no entry uses any more is forgotten. Id 0 means "none".
///
/// Isolation: a value type, mutated only under `EventHistory`'s lock.
struct HistoryPool<Value: Hashable> {
    /// The id of an absent value.
    static var none: UInt32 { 0 }

    private var ids: [Value: UInt32] = [:]
    /// Slot 0 stays empty (`none`); freed slots are reused.
    private var values: [Value?] = [nil]
    private var counts: [Int] = [0]
    private var freeSlots: [UInt32] = []
    /// About the bytes held: `cost` of each value plus the table slots (our estimate).
    private(set) var byteCount = 0
    private let cost: (Value) -> Int

    init(cost: @escaping (Value) -> Int) {
        self.cost = cost
    }

    /// Counts one more user of `value` and returns its id (`none` for nil).
    mutating func retain(_ value: Value?) -> UInt32 {
        guard let value else { return Self.none }
        if let id = ids[value] {
            counts[Int(id)] += 1
            return id
        }
        let id: UInt32
        if let reused = freeSlots.popLast() {
            id = reused
            values[Int(id)] = value
            counts[Int(id)] = 1
        } else {
            id = UInt32(values.count)
            values.append(value)
            counts.append(1)
        }
        ids[value] = id
        byteCount += cost(value) + Self.slotBytes
        return id
    }

    /// Counts one user fewer of `id`; the value is forgotten with its last user.
    mutating func release(_ id: UInt32) {
        let index = Int(id)
        guard id != Self.none, index < counts.count, counts[index] > 0 else { return }
        counts[index] -= 1
        guard counts[index] == 0, let value = values[index] else { return }
        byteCount -= cost(value) + Self.slotBytes
        ids[value] = nil
        values[index] = nil
        freeSlots.append(id)
    }

    /// The value of `id`; nil for `none`.
    func value(_ id: UInt32) -> Value? {
        let index = Int(id)
        return index < values.count ? values[index] : nil
    }

    /// The id `value` has, if any entry uses it.
    func id(of value: Value) -> UInt32? { ids[value] }

    /// A dictionary slot, an array slot and a count (our estimate).
    private static var slotBytes: Int { 48 }

    /// The heap bytes of a string: none up to 15 UTF-8 bytes (stored inline), else the text and a header.
    static func stringBytes(_ text: String) -> Int {
        text.utf8.count <= 15 ? 16 : 16 + 32 + text.utf8.count
    }
}
