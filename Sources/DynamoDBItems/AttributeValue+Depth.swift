/// Nesting depth of values built by updates (decoding checks it as it reads).
extension AttributeValue {
    /// Levels of this value: 1 for scalars and sets, one more for each map or list around them.
    public var depth: Int {
        switch self {
        case .map(let members): return 1 + (members.values.map(\.depth).max() ?? 0)
        case .list(let elements): return 1 + (elements.map(\.depth).max() ?? 0)
        default: return 1
        }
    }

    /// Throws AWS's nesting error when an attribute of `item` is more than 32 levels deep.
    public static func checkDepth(of item: Item) throws(ItemError) {
        if item.values.contains(where: { $0.depth > maximumDepth }) { throw .validation(nestingMessage) }
    }
}
