/// The closed set of DynamoDB data type names, as they appear on the wire and in messages.
public enum AttributeType: String, Sendable, Hashable, CaseIterable {
    case string = "S"
    case number = "N"
    case binary = "B"
    case bool = "BOOL"
    case null = "NULL"
    case map = "M"
    case list = "L"
    case stringSet = "SS"
    case numberSet = "NS"
    case binarySet = "BS"

    /// True for the three set types.
    public var isSet: Bool { self == .stringSet || self == .numberSet || self == .binarySet }
}
