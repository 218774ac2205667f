import AWSProtocol
import DynamoDBItems

/// A legacy `ComparisonOperator` (Expected, KeyConditions, QueryFilter, ScanFilter) with the number of
/// values it takes and the types it accepts: "Legacy conditional parameters", Amazon DynamoDB Developer Guide.
public enum LegacyComparison: String, Sendable, CaseIterable {
    case equal = "EQ"
    case notEqual = "NE"
    case lessOrEqual = "LE"
    case less = "LT"
    case greaterOrEqual = "GE"
    case greater = "GT"
    case notNull = "NOT_NULL"
    case null = "NULL"
    case contains = "CONTAINS"
    case notContains = "NOT_CONTAINS"
    case beginsWith = "BEGINS_WITH"
    case isIn = "IN"
    case between = "BETWEEN"

    /// True when `count` values suit the operator.
    func accepts(count: Int) -> Bool {
        switch self {
        case .notNull, .null: return count == 0
        case .isIn: return count > 0
        case .between: return count == 2
        default: return count == 1
        }
    }

    /// The value types the operator compares with; nil when any type is accepted.
    var acceptedTypes: Set<AttributeType>? {
        switch self {
        case .equal, .notEqual: return [.string, .number, .binary, .stringSet, .numberSet, .binarySet, .bool, .null, .list, .map]
        case .lessOrEqual, .less, .greaterOrEqual, .greater, .contains, .notContains, .isIn, .between: return [.string, .number, .binary]
        case .beginsWith: return [.string, .binary]
        case .notNull, .null: return nil
        }
    }

    /// The condition on top-level attribute `name` with `values` (already checked).
    func condition(on name: String, _ values: [AttributeValue]) -> Condition {
        let path = DocumentPath(attribute: name)
        let attribute = Operand.path(path)
        let first = values.first.map(Operand.value) ?? .value(.null)
        switch self {
        case .equal: return .compare(.equal, attribute, first)
        case .notEqual: return .compare(.notEqual, attribute, first)
        case .lessOrEqual: return .compare(.lessOrEqual, attribute, first)
        case .less: return .compare(.less, attribute, first)
        case .greaterOrEqual: return .compare(.greaterOrEqual, attribute, first)
        case .greater: return .compare(.greater, attribute, first)
        case .notNull: return .attributeExists(path)
        case .null: return .attributeNotExists(path)
        case .contains: return .contains(attribute, first)
        case .notContains: return .and(.attributeExists(path), .not(.contains(attribute, first)))
        case .beginsWith: return .beginsWith(attribute, first)
        case .isIn: return .isIn(attribute, values.map(Operand.value))
        case .between: return .between(attribute, first, values.count > 1 ? .value(values[1]) : first)
        }
    }

    /// Checks `values` against the operator with AWS's messages (count, one type, accepted types, BETWEEN order).
    func check(_ values: [AttributeValue]) throws(ItemError) {
        guard accepts(count: values.count) else {
            throw .validation(
                "One or more parameter values were invalid: Invalid number of argument(s) for the \(rawValue) ComparisonOperator")
        }
        if let first = values.first, values.contains(where: { $0.typeName != first.typeName }) {
            throw .validation("One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type")
        }
        if let accepted = acceptedTypes, let wrong = values.first(where: { !accepted.contains($0.typeName) }) {
            throw .validation(
                "One or more parameter values were invalid: ComparisonOperator \(rawValue) is not valid for \(wrong.typeName.rawValue) AttributeValue type"
            )
        }
        if self == .between, let order = ValueOrder.compare(values[0], values[1]), order > 0 {
            throw .validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound")
        }
    }
}
