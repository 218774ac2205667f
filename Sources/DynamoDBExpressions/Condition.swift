import DynamoDBItems

/// A value in an expression: a document path into the item, an expression attribute value, or a
/// function of them. `size` appears in conditions; `ifNotExists`, `listAppend`, `add` and `subtract`
/// in update expressions' SET values.
public indirect enum Operand: Sendable, Equatable {
    case path(DocumentPath)
    case value(AttributeValue)
    case size(Operand)
    case ifNotExists(DocumentPath, Operand)
    case listAppend(Operand, Operand)
    case add(Operand, Operand)
    case subtract(Operand, Operand)
}

/// The six comparators of conditions.
public enum Comparator: String, Sendable, Equatable, CaseIterable {
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// A checked condition (ConditionExpression, FilterExpression, KeyConditionExpression, or the legacy
/// `Expected`/`QueryFilter`/`ScanFilter`/`KeyConditions` translated): "Condition and filter expressions",
/// Amazon DynamoDB Developer Guide.
public indirect enum Condition: Sendable, Equatable {
    case compare(Comparator, Operand, Operand)
    /// Value, lower bound, upper bound (both included).
    case between(Operand, Operand, Operand)
    case isIn(Operand, [Operand])
    case attributeExists(DocumentPath)
    case attributeNotExists(DocumentPath)
    case attributeType(Operand, Operand)
    case beginsWith(Operand, Operand)
    case contains(Operand, Operand)
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
}

/// One checked action of an update expression (or of the legacy `AttributeUpdates`).
public enum UpdateAction: Sendable, Equatable {
    case set(DocumentPath, Operand)
    case remove(DocumentPath)
    case add(DocumentPath, AttributeValue)
    case delete(DocumentPath, AttributeValue)

    /// The path the action changes.
    public var path: DocumentPath {
        switch self {
        case .set(let path, _), .remove(let path), .add(let path, _), .delete(let path, _): return path
        }
    }
}
