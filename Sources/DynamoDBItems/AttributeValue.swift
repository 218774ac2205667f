/// One DynamoDB attribute value, validated: the ten data types of "Data types", Amazon DynamoDB
/// Developer Guide (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html).
/// Sets keep the members' order as sent but compare as sets.
public enum AttributeValue: Sendable, Hashable {
    case string(String)
    case number(DynamoNumber)
    case binary([UInt8])
    case bool(Bool)
    case null
    case map([String: AttributeValue])
    case list([AttributeValue])
    case stringSet([String])
    case numberSet([DynamoNumber])
    case binarySet([[UInt8]])

    /// The wire name of the value's type (`S`, `N`, `B`, `BOOL`, `NULL`, `M`, `L`, `SS`, `NS`, `BS`).
    public var typeName: AttributeType {
        switch self {
        case .string: return .string
        case .number: return .number
        case .binary: return .binary
        case .bool: return .bool
        case .null: return .null
        case .map: return .map
        case .list: return .list
        case .stringSet: return .stringSet
        case .numberSet: return .numberSet
        case .binarySet: return .binarySet
        }
    }

    public static func == (lhs: AttributeValue, rhs: AttributeValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let left), .string(let right)): return left == right
        case (.number(let left), .number(let right)): return left == right
        case (.binary(let left), .binary(let right)): return left == right
        case (.bool(let left), .bool(let right)): return left == right
        case (.null, .null): return true
        case (.map(let left), .map(let right)): return left == right
        case (.list(let left), .list(let right)): return left == right
        case (.stringSet(let left), .stringSet(let right)): return Set(left) == Set(right)
        case (.numberSet(let left), .numberSet(let right)): return Set(left) == Set(right)
        case (.binarySet(let left), .binarySet(let right)): return Set(left) == Set(right)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(typeName)
        switch self {
        case .string(let value): hasher.combine(value)
        case .number(let value): hasher.combine(value)
        case .binary(let value): hasher.combine(value)
        case .bool(let value): hasher.combine(value)
        case .null: break
        case .map(let value): hasher.combine(value)
        case .list(let value): hasher.combine(value)
        case .stringSet(let value): hasher.combine(Set(value))
        case .numberSet(let value): hasher.combine(Set(value))
        case .binarySet(let value): hasher.combine(Set(value))
        }
    }
}

/// An item: attribute names to values.
public typealias Item = [String: AttributeValue]
