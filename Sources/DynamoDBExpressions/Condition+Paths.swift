import DynamoDBItems

/// The document paths a condition reads, for the operations' checks on them (a FilterExpression may not
/// name key attributes; key attributes may not be read with `.` or `[]`).
extension Condition {
    /// Every path the condition names, in order of appearance.
    public var documentPaths: [DocumentPath] {
        switch self {
        case .and(let left, let right), .or(let left, let right): return left.documentPaths + right.documentPaths
        case .not(let inner): return inner.documentPaths
        case .attributeExists(let path), .attributeNotExists(let path): return [path]
        case .compare(_, let left, let right), .attributeType(let left, let right), .beginsWith(let left, let right),
            .contains(let left, let right):
            return left.documentPaths + right.documentPaths
        case .between(let value, let low, let high): return value.documentPaths + low.documentPaths + high.documentPaths
        case .isIn(let value, let candidates): return value.documentPaths + candidates.flatMap(\.documentPaths)
        }
    }
}

extension Operand {
    /// Every path the operand names.
    public var documentPaths: [DocumentPath] {
        switch self {
        case .path(let path): return [path]
        case .value: return []
        case .size(let inner): return inner.documentPaths
        case .ifNotExists(let path, let fallback): return [path] + fallback.documentPaths
        case .listAppend(let left, let right), .add(let left, let right), .subtract(let left, let right):
            return left.documentPaths + right.documentPaths
        }
    }
}
