import AWSProtocol

/// Coral's SerializationException texts for a JSON value of the wrong shape inside an attribute value
/// (observed DynamoDB texts for string, boolean, list and structure members; the map texts are Unverified).
enum WireShape {
    enum Expected {
        case string, bool, list, map, valueStructure
    }

    static func string(_ wire: JSONValue) throws(ItemError) -> String {
        guard case .string(let text) = wire else { throw mismatch(wire, expected: .string) }
        return text
    }

    /// The base64 text of a `B` value; other JSON answers the newest Coral texts (dynalite's recordings, Unverified).
    static func binaryText(_ wire: JSONValue) throws(ItemError) -> String {
        switch wire {
        case .string(let text): return text
        case .object: throw .serialization("Start of structure or map found where not expected")
        case .array: throw .serialization("Unrecognized collection type class java.nio.ByteBuffer")
        default: throw .serialization("only base-64-encoded strings are convertible to bytes")
        }
    }

    static func bool(_ wire: JSONValue) throws(ItemError) -> Bool {
        guard case .bool(let flag) = wire else { throw mismatch(wire, expected: .bool) }
        return flag
    }

    static func list(_ wire: JSONValue) throws(ItemError) -> [JSONValue] {
        guard case .array(let elements) = wire else { throw mismatch(wire, expected: .list) }
        return elements
    }

    static func mismatch(_ wire: JSONValue, expected: Expected) -> ItemError {
        .serialization(message(wire, expected: expected))
    }

    private static func message(_ wire: JSONValue, expected: Expected) -> String {
        let structureFound = "Start of structure or map found where not expected"
        switch (expected, wire) {
        case (.string, .object), (.bool, .object), (.list, .object): return structureFound
        case (.string, .array): return "Unrecognized collection type class java.lang.String"
        case (.bool, .array): return "Unrecognized collection type class java.lang.Boolean"
        case (.bool, .string): return "Unexpected token received from parser"
        case (.string, _), (.bool, _): return "\(lexeme(wire)) cannot be converted to \(expected == .string ? "String" : "Boolean")"
        case (.list, _), (.map, _): return "Unexpected field type"
        case (.valueStructure, .array):
            return "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue"
        case (.valueStructure, _): return "Unexpected value type in payload"
        }
    }

    private static func lexeme(_ wire: JSONValue) -> String {
        switch wire {
        case .bool(let flag): return flag ? "TRUE_VALUE" : "FALSE_VALUE"
        case .number(let number): return number.isIntegerLiteral ? "NUMBER_VALUE" : "DECIMAL_VALUE"
        case .string: return "STRING_VALUE"
        default: return "NULL_VALUE"
        }
    }
}
