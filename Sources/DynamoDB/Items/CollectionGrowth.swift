import DynamoDBItems

/// The item-collection sizes the writes of one BatchWriteItem or TransactWriteItems lead to (tables with local
/// secondary indexes): each write's growth is added to its collection's running size in request order, so the
/// limit is checked on the size after all of the call's writes, and `ItemCollectionMetrics` need no walk.
/// A value type, built and read within one call on the actor `DynamoDBService`.
struct CollectionGrowth {
    /// One item collection: a table incarnation and a partition key value.
    struct Collection: Hashable {
        var tableId: String
        var partition: KeyValue
    }

    /// One write's effect on its collection.
    struct Step {
        var collection: Collection
        var growth: Int
        /// The collection's size right after this write (and the writes before it).
        var bytesAfter: Int
    }

    private var before: [Collection: Int] = [:]
    private(set) var current: [Collection: Int] = [:]
    /// Per write, in the order added: its step, or nil for a write without an item collection.
    private(set) var steps: [Step?] = []

    /// True until the starting size of `collection` was given to `start`.
    func needsStart(_ collection: Collection) -> Bool { current[collection] == nil }

    mutating func start(_ collection: Collection, bytes: Int) {
        before[collection] = bytes
        current[collection] = bytes
    }

    /// A write that touches no item collection (a table without local secondary indexes, or a ConditionCheck).
    mutating func skip() { steps.append(nil) }

    mutating func add(_ collection: Collection, growth: Int) {
        let after = (current[collection] ?? 0) + growth
        current[collection] = after
        steps.append(Step(collection: collection, growth: growth, bytesAfter: after))
    }

    /// The collections that end above `limit` and larger than they started. As for a single-item write, a
    /// collection the call does not grow is never refused (our proposal for several writes to one collection).
    func exceeding(limit: Int) -> Set<Collection> {
        Set(current.filter { $0.value > limit && $0.value > before[$0.key] ?? 0 }.keys)
    }

    /// The positions of the writes to blame for an exceeded collection: those that grow it and leave it above
    /// `limit` (our proposal: which action AWS names when several grow one collection is Unverified).
    func offendingWrites(limit: Int) -> [Int] {
        let exceeded = exceeding(limit: limit)
        guard !exceeded.isEmpty else { return [] }
        return steps.indices.filter { position in
            guard let step = steps[position] else { return false }
            return exceeded.contains(step.collection) && step.growth > 0 && step.bytesAfter > limit
        }
    }
}
