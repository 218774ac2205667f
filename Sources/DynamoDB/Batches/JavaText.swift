import AWSProtocol
import DynamoDBItems

/// Request values printed as the service's Java `toString` prints them, as Coral echoes them in constraint
/// messages. Observed on DynamoDB (2026, BatchWriteItem with 26 requests):
/// `{T=[WriteRequest(putRequest=PutRequest(item={pk=AttributeValue(s=bw-0, n=null, …, bOOL=null)},
/// workloadProfileName=null), deleteRequest=null), …]}`. Maps keep the order sent; the forms of
/// `DeleteRequest`, `KeysAndAttributes` and of values other than `S` are Unverified (same pattern assumed).
/// Pure functions.
enum JavaText {
    /// The fields of the service's AttributeValue class in their printed order (observed), by wire member.
    static let attributeFields: [(field: String, member: String?)] = [
        ("s", "S"), ("n", "N"), ("b", "B"), ("iNT", nil), ("dECIMAL", nil), ("dOUBLE", nil), ("sS", "SS"),
        ("nS", "NS"), ("bS", "BS"), ("iNTSET", nil), ("dECIMALSET", nil), ("dOUBLESET", nil), ("m", "M"),
        ("l", "L"), ("nULL", "NULL"), ("bOOL", "BOOL"),
    ]

    /// `AttributeValue(s=…, n=null, …)`; anything but an object prints as `null`.
    static func attributeValue(_ value: JSONValue) -> String {
        guard let object = value.objectValue else { return "null" }
        let fields = attributeFields.map { field, member -> String in
            let shown = member.flatMap { object[$0] }.map { memberText($0, member: member ?? "") } ?? "null"
            return "\(field)=\(shown)"
        }
        return "AttributeValue(" + fields.joined(separator: ", ") + ")"
    }

    /// One member of an attribute value: strings as they are, binaries as Java prints a heap ByteBuffer
    /// (Unverified), sets and lists in brackets, maps in braces.
    static func memberText(_ value: JSONValue, member: String) -> String {
        switch member {
        case "B": return byteBuffer(value)
        case "SS", "NS": return list(value) { $0.stringValue ?? "null" }
        case "BS": return list(value, byteBuffer)
        case "L": return list(value, attributeValue)
        case "M": return value.objectValue.map(attributeMap) ?? "null"
        default: return scalar(value)
        }
    }

    /// `{name=AttributeValue(…), …}`.
    static func attributeMap(_ map: JSONObject) -> String {
        "{" + map.members.map { "\($0.key)=\(attributeValue($0.value))" }.joined(separator: ", ") + "}"
    }

    /// BatchWriteItem's `RequestItems`: `{table=[WriteRequest(…), …], …}`.
    static func writeRequestMap(_ map: JSONObject) -> String {
        "{" + map.members.map { "\($0.key)=\(list($0.value, writeRequest))" }.joined(separator: ", ") + "}"
    }

    /// BatchGetItem's `RequestItems`: `{table=KeysAndAttributes(…), …}` (Unverified form).
    static func keysAndAttributesMap(_ map: JSONObject) -> String {
        "{" + map.members.map { "\($0.key)=\(keysAndAttributes($0.value))" }.joined(separator: ", ") + "}"
    }

    static func writeRequest(_ value: JSONValue) -> String {
        guard let object = value.objectValue else { return "null" }
        let put = object["PutRequest"].flatMap(\.objectValue).map {
            "PutRequest(item=\(optionalMap($0["Item"])), workloadProfileName=null)"
        }
        let delete = object["DeleteRequest"].flatMap(\.objectValue).map {
            "DeleteRequest(key=\(optionalMap($0["Key"])), workloadProfileName=null)"
        }
        return "WriteRequest(putRequest=\(put ?? "null"), deleteRequest=\(delete ?? "null"))"
    }

    static func keysAndAttributes(_ value: JSONValue) -> String {
        guard let object = value.objectValue else { return "null" }
        let keys = object["Keys"].map { keyList($0) } ?? "null"
        let names = object["AttributesToGet"].map { list($0) { $0.stringValue ?? "null" } } ?? "null"
        let consistent = object["ConsistentRead"].map(scalar) ?? "null"
        let projection = object["ProjectionExpression"].map(scalar) ?? "null"
        let aliases = object["ExpressionAttributeNames"]?.objectValue.map { map in
            "{" + map.members.map { "\($0.key)=\(scalar($0.value))" }.joined(separator: ", ") + "}"
        }
        return "KeysAndAttributes(keys=\(keys), attributesToGet=\(names), consistentRead=\(consistent), "
            + "projectionExpression=\(projection), expressionAttributeNames=\(aliases ?? "null"))"
    }

    /// A list of keys: `[{pk=AttributeValue(…)}, …]`.
    static func keyList(_ value: JSONValue) -> String { list(value) { optionalMap($0) } }

    private static func optionalMap(_ value: JSONValue?) -> String {
        value?.objectValue.map(attributeMap) ?? "null"
    }

    private static func list(_ value: JSONValue, _ element: (JSONValue) -> String) -> String {
        guard let elements = value.arrayValue else { return "null" }
        return "[" + elements.map(element).joined(separator: ", ") + "]"
    }

    private static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        default: return JSONWriter.string(value)
        }
    }

    /// `java.nio.HeapByteBuffer[pos=0 lim=N cap=N]` for N decoded bytes (Unverified).
    private static func byteBuffer(_ value: JSONValue) -> String {
        guard let text = value.stringValue else { return "null" }
        let count = (try? Base64.decode(text))?.count ?? 0
        return "java.nio.HeapByteBuffer[pos=0 lim=\(count) cap=\(count)]"
    }
}
