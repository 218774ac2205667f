import AWSProtocol

/// The JSON type of each input member as far as Coral's deserializer cares (a reduced botocore model).
/// Type mismatches are found by `InputTypeChecker` before any constraint is looked at.
indirect enum InputShape: Sendable {
    case string, long, integer, boolean, double
    case list(InputShape)
    /// A structure: its Java class name (for "Unrecognized collection type class …") and members.
    case structure(String, [String: InputShape])
    /// A string-keyed map (ExpressionAttributeNames-like); values checked, keys free.
    case map(InputShape)
    /// A map whose values are structures of the named Java class (`Item`, `Expected`): a list in its place
    /// answers `Unrecognized collection type java.util.Map<java.lang.String, …>`.
    case typedMap(String, InputShape)
    /// A DynamoDB AttributeValue: its members' JSON types as the item decoder checks them.
    case attributeValue
    /// Anything goes (members we accept but do not interpret).
    case any
}
