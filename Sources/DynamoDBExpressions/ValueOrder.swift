import DynamoDBItems

/// How conditions compare values: numbers numerically, strings and binaries by unsigned bytes; other
/// types only for equality. "Comparison operator and function reference", Amazon DynamoDB Developer Guide.
enum ValueOrder {
    /// -1, 0 or 1 for two scalars of one type (S, N or B); nil when they cannot be ordered.
    static func compare(_ left: AttributeValue, _ right: AttributeValue) -> Int? {
        guard let leftKey = KeyValue(left), let rightKey = KeyValue(right), leftKey.type == rightKey.type else { return nil }
        return leftKey < rightKey ? -1 : (leftKey == rightKey ? 0 : 1)
    }
}
