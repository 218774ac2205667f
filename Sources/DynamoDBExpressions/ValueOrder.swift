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

/// Values as AWS's messages print them (`N:5`, `S:abc`).
enum ValueText {
    static func brief(_ value: AttributeValue) -> String {
        switch value {
        case .string(let text): return "S:\(text)"
        case .number(let number): return "N:\(number.text)"
        case .binary(let bytes): return "B:\(Base64.encode(bytes))"
        case .bool(let flag): return "BOOL:\(flag)"
        case .null: return "NULL:true"
        default: return "\(value.typeName.rawValue):…"
        }
    }
}
