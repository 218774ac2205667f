/// The three types a key attribute may have.
public enum ScalarType: String, Sendable, Hashable, CaseIterable {
    case string = "S"
    case number = "N"
    case binary = "B"

    public var attributeType: AttributeType {
        switch self {
        case .string: return .string
        case .number: return .number
        case .binary: return .binary
        }
    }
}
