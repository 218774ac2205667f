/// The sort-key part of a Query's key condition: which sort key values an item must have.
public enum SortKeyCondition: Sendable, Equatable {
    case any
    case equal(KeyValue)
    case less(KeyValue)
    case lessOrEqual(KeyValue)
    case greater(KeyValue)
    case greaterOrEqual(KeyValue)
    /// Both bounds included.
    case between(KeyValue, KeyValue)
    /// Strings and binaries whose bytes start with the prefix's bytes.
    case beginsWith(KeyValue)

    /// True when `value` satisfies the condition.
    public func matches(_ value: KeyValue?) -> Bool {
        guard let value else { return self == .any }
        switch self {
        case .any: return true
        case .equal(let bound): return value == bound
        case .less(let bound): return value < bound
        case .lessOrEqual(let bound): return value <= bound
        case .greater(let bound): return value > bound
        case .greaterOrEqual(let bound): return value >= bound
        case .between(let low, let high): return low <= value && value <= high
        case .beginsWith(let prefix):
            switch (value, prefix) {
            case (.string(let text), .string(let start)): return text.utf8.starts(with: start.utf8)
            case (.binary(let bytes), .binary(let start)): return bytes.starts(with: start)
            default: return false
            }
        }
    }

    /// The smallest value that can match, for a binary search of the first candidate.
    var lowerBound: KeyValue? {
        switch self {
        case .any, .less, .lessOrEqual: return nil
        case .equal(let bound), .greater(let bound), .greaterOrEqual(let bound), .between(let bound, _), .beginsWith(let bound):
            return bound
        }
    }

    /// True when no value at or after `value` (in ascending order) can match.
    func isPastEnd(_ value: KeyValue?) -> Bool {
        guard let value else { return false }
        switch self {
        case .any, .greater, .greaterOrEqual: return false
        case .equal(let bound): return value > bound
        case .less(let bound): return value >= bound
        case .lessOrEqual(let bound): return value > bound
        case .between(_, let high): return value > high
        case .beginsWith: return !matches(value) && (lowerBound.map { value > $0 } ?? false)
        }
    }
}
