/// The texts of Coral's `SerializationException` for a JSON member of the wrong type, as AWS's JSON 1.0/1.1
/// services answer them (observed): `NUMBER_VALUE cannot be converted to String`, … One place for every
/// service that answers with them without further rules of its own.
public enum CoralSerializationText {
    /// The text for `value` found where a member of Java type `javaType` (`String`, `Boolean`, …) was expected.
    public static func mismatch(_ value: JSONValue, javaType: String) -> String {
        switch value {
        case .bool(let flag): "\(flag ? "TRUE_VALUE" : "FALSE_VALUE") cannot be converted to \(javaType)"
        case .number(let number): "\(number.isIntegerLiteral ? "NUMBER_VALUE" : "DECIMAL_VALUE") cannot be converted to \(javaType)"
        case .string: "STRING_VALUE cannot be converted to \(javaType)"
        case .array: "Unrecognized collection type class java.lang.\(javaType)"
        case .object: "Start of structure or map found where not expected"
        case .null: "Unexpected null"
        }
    }
}
