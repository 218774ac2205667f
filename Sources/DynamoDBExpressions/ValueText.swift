import DynamoDBItems

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
