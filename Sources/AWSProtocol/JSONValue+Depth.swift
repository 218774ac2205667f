extension JSONValue {
    /// How many objects and arrays enclose the deepest value, counting this one: 0 for a scalar,
    /// 1 for `{}` or `[1]`, 2 for `{"a":[]}`. Compared against `JSONLimits` by writers.
    public var nestingDepth: Int {
        switch self {
        case .null, .bool, .number, .string: 0
        case .array(let elements): 1 + (elements.lazy.map(\.nestingDepth).max() ?? 0)
        case .object(let object): 1 + (object.members.lazy.map(\.value.nestingDepth).max() ?? 0)
        }
    }
}
