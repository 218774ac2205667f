/// A local secondary index: fixed at creation, no status.
struct LocalIndex: Sendable, Equatable {
    var name: String
    var keySchema: [KeyElement]
    var projection: Projection
}

extension LocalIndex {
    /// A local index as sent to CreateTable (after its rules were checked).
    init(_ input: IndexInput) {
        self.init(
            name: input.name ?? "", keySchema: (input.keySchema ?? []).map(KeyElement.init),
            projection: Projection(input.projection))
    }
}
