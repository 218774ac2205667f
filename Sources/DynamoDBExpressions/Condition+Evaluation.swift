import DynamoDBItems

/// Evaluating conditions over an item (nil: no item, so every path is missing). A missing attribute
/// makes comparisons false except `<>`, which is true; `<`, `<=`, `>`, `>=` and BETWEEN compare only
/// numbers, strings and binaries of one type. "Comparison operator and function reference", Amazon
/// DynamoDB Developer Guide.
extension Condition {
    public func isSatisfied(by item: Item?) -> Bool {
        let item = item ?? [:]
        switch self {
        case .and(let left, let right): return left.isSatisfied(by: item) && right.isSatisfied(by: item)
        case .or(let left, let right): return left.isSatisfied(by: item) || right.isSatisfied(by: item)
        case .not(let inner): return !inner.isSatisfied(by: item)
        case .attributeExists(let path): return path.value(in: item) != nil
        case .attributeNotExists(let path): return path.value(in: item) == nil
        case .compare(let comparator, let left, let right):
            return Condition.compare(comparator, left.evaluate(in: item), right.evaluate(in: item))
        case .between(let value, let low, let high):
            guard let value = value.evaluate(in: item), let low = low.evaluate(in: item), let high = high.evaluate(in: item),
                let above = ValueOrder.compare(value, low), let below = ValueOrder.compare(value, high)
            else { return false }
            return above >= 0 && below <= 0
        case .isIn(let value, let candidates):
            guard let value = value.evaluate(in: item) else { return false }
            return candidates.contains { $0.evaluate(in: item) == value }
        case .attributeType(let value, let type):
            guard let value = value.evaluate(in: item), case .string(let name)? = type.evaluate(in: item) else { return false }
            return value.typeName.rawValue == name
        case .beginsWith(let value, let prefix):
            switch (value.evaluate(in: item), prefix.evaluate(in: item)) {
            case (.string(let text)?, .string(let start)?): return text.utf8.starts(with: start.utf8)
            case (.binary(let bytes)?, .binary(let start)?): return bytes.starts(with: start)
            default: return false
            }
        case .contains(let container, let member):
            guard let container = container.evaluate(in: item), let member = member.evaluate(in: item) else { return false }
            return Condition.contains(container, member)
        }
    }

    static func compare(_ comparator: Comparator, _ left: AttributeValue?, _ right: AttributeValue?) -> Bool {
        guard let left, let right else { return comparator == .notEqual }
        switch comparator {
        case .equal: return left == right
        case .notEqual: return left != right
        default:
            guard let order = ValueOrder.compare(left, right) else { return false }
            switch comparator {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            default: return order >= 0
            }
        }
    }

    static func contains(_ container: AttributeValue, _ member: AttributeValue) -> Bool {
        switch (container, member) {
        case (.string(let text), .string(let part)): return part.isEmpty || text.contains(part)
        case (.binary(let bytes), .binary(let part)):
            return part.isEmpty || (0...max(0, bytes.count - part.count)).contains { bytes[$0...].starts(with: part) }
        case (.stringSet(let members), .string(let text)): return members.contains(text)
        case (.numberSet(let members), .number(let number)): return members.contains(number)
        case (.binarySet(let members), .binary(let bytes)): return members.contains(bytes)
        case (.list(let elements), _): return elements.contains(member)
        default: return false
        }
    }
}

extension Operand {
    /// The operand's value in `item` for conditions (nil when the path is missing or `size` has no meaning).
    public func evaluate(in item: Item) -> AttributeValue? {
        switch self {
        case .path(let path): return path.value(in: item)
        case .value(let value): return value
        case .size(let inner):
            guard let value = inner.evaluate(in: item), let count = Operand.size(of: value) else { return nil }
            return .number((try? DynamoNumber(parsing: String(count))) ?? .zero)
        case .ifNotExists(let path, let fallback): return path.value(in: item) ?? fallback.evaluate(in: item)
        case .listAppend, .add, .subtract: return try? evaluateForUpdate(in: item)
        }
    }

    /// `size()`: string length in UTF-8 bytes (Unverified: AWS says "length of the string"), binary length,
    /// member counts of sets, lists and maps; nil for other types.
    static func size(of value: AttributeValue) -> Int? {
        switch value {
        case .string(let text): return text.utf8.count
        case .binary(let bytes): return bytes.count
        case .stringSet(let members): return members.count
        case .numberSet(let members): return members.count
        case .binarySet(let members): return members.count
        case .list(let elements): return elements.count
        case .map(let members): return members.count
        default: return nil
        }
    }
}
