import AWSProtocol
import DynamoDBItems

/// Reproduces Coral's SerializationException texts (observed on DynamoDB, 2019) for members of the wrong JSON type.
/// Members are visited in document order, as a streaming deserializer meets them, and only the first
/// offending member is reported. Unknown members are ignored; `null` counts as absent.
enum InputTypeChecker {
    static let structurePackage = "com.amazonaws.dynamodb.v20120810."

    /// Nil when every known member has an acceptable type; otherwise the SerializationException.
    static func check(_ input: JSONValue, against shape: InputShape) -> AWSServiceError? {
        var decoded: [String: Item] = [:]
        return check(input, against: shape, keeping: &decoded)
    }

    /// The same check, keeping in `decoded` each top-level attribute map (`Item`, `Key`) that it decoded
    /// without any error, so the operation need not decode it again (the decode is the costly part).
    static func check(_ input: JSONValue, against shape: InputShape, keeping decoded: inout [String: Item])
        -> AWSServiceError?
    {
        guard case .object(let object) = input else { return .serialization }
        guard case .structure(_, let members) = shape else { return nil }
        var seen: Set<String> = []
        for member in object.members {
            guard let memberShape = members[member.key] else { continue }
            if case .typedMap(_, .attributeValue) = memberShape, case .object(let map) = member.value {
                switch decodeAttributeMap(map) {
                case .failure(let mismatch): return .serialization(mismatch.message)
                case .success(let item):
                    // A member sent twice is left to the operation, which reads it as the reader does.
                    decoded[member.key] = seen.insert(member.key).inserted ? item : nil
                }
                continue
            }
            if let message = checkValue(member.value, memberShape, isListElement: false) { return .serialization(message) }
        }
        return nil
    }

    /// A map of attribute values checked as `checkValue` checks it: the first SerializationException, or the
    /// decoded map when every value decoded (nil when some value has a validation problem, left to the operation).
    private static func decodeAttributeMap(_ map: JSONObject) -> Result<Item?, SerializationMismatch> {
        var item: Item? = [:]
        for member in map.members where member.value != .null {
            do {
                item?[member.key] = try AttributeValue(wire: member.value)
            } catch {
                if error.kind == .serialization { return .failure(SerializationMismatch(message: error.message)) }
                item = nil
            }
        }
        return .success(item)
    }

    /// The text of a SerializationException found inside an attribute value.
    private struct SerializationMismatch: Error {
        var message: String
    }

    private static func checkMembers(_ object: JSONObject, _ members: [String: InputShape]) -> String? {
        for member in object.members {
            guard let shape = members[member.key] else { continue }
            if let message = checkValue(member.value, shape, isListElement: false) { return message }
        }
        return nil
    }

    private static func checkValue(_ value: JSONValue, _ shape: InputShape, isListElement: Bool) -> String? {
        if case .null = value { return nil }
        switch shape {
        case .any: return nil
        case .attributeValue: return attributeValueMismatch(value)
        case .typedMap(let valueClass, let element):
            guard case .array = value else { return checkValue(value, .map(element), isListElement: isListElement) }
            // A value class already qualified (`java.util.List<…>`, BatchWriteItem's RequestItems) is printed as is.
            let qualified = valueClass.hasPrefix("java.") ? valueClass : structurePackage + valueClass
            return "Unrecognized collection type java.util.Map<java.lang.String, \(qualified)>"
        case .string: return scalarMismatch(value, javaType: "String")
        case .long: return scalarMismatch(value, javaType: "Long")
        case .integer: return scalarMismatch(value, javaType: "Integer")
        case .double: return scalarMismatch(value, javaType: "Double")
        case .boolean: return scalarMismatch(value, javaType: "Boolean")
        case .list(let element):
            switch value {
            case .array(let elements):
                for item in elements {
                    if let message = checkValue(item, element, isListElement: true) { return message }
                }
                return nil
            case .object: return "Start of structure or map found where not expected"
            default: return "Unexpected field type"
            }
        case .map(let element):
            switch value {
            case .object(let object):
                for member in object.members {
                    if let message = checkValue(member.value, element, isListElement: true) { return message }
                }
                return nil
            case .array: return "Unrecognized collection type class java.util.Map"
            default: return isListElement ? "Unexpected value type in payload" : "Unexpected field type"
            }
        case .structure(let name, let members):
            switch value {
            case .object(let object): return checkMembers(object, members)
            case .array: return "Unrecognized collection type class \(structurePackage)\(name)"
            default: return isListElement ? "Unexpected value type in payload" : "Unexpected field type"
            }
        }
    }

    /// The SerializationException an attribute value's members raise when decoded (validation problems are
    /// left to the operation, which reports them later in AWS's order).
    private static func attributeValueMismatch(_ value: JSONValue) -> String? {
        do {
            _ = try AttributeValue(wire: value)
            return nil
        } catch {
            return error.kind == .serialization ? error.message : nil
        }
    }

    /// The observed texts for scalar members; nil when the value is acceptable.
    private static func scalarMismatch(_ value: JSONValue, javaType: String) -> String? {
        switch value {
        case .null: return nil
        case .bool(let flag):
            if javaType == "Boolean" { return nil }
            return "\(flag ? "TRUE_VALUE" : "FALSE_VALUE") cannot be converted to \(javaType)"
        case .number(let number):
            // Longs and Integers accept decimals (truncated); Strings and Booleans reject every number.
            if javaType == "String" || javaType == "Boolean" {
                return "\(number.isIntegerLiteral ? "NUMBER_VALUE" : "DECIMAL_VALUE") cannot be converted to \(javaType)"
            }
            return nil
        case .string:
            if javaType == "String" { return nil }
            if javaType == "Boolean" { return "Unexpected token received from parser" }
            return "STRING_VALUE cannot be converted to \(javaType)"
        case .array: return "Unrecognized collection type class java.lang.\(javaType)"
        case .object: return "Start of structure or map found where not expected"
        }
    }
}
