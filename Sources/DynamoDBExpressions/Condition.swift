import DynamoDBItems

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
