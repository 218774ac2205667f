import AWSProtocol
import DynamoDBItems

/// Typed access to an input object that already passed `InputTypeChecker`: `null` reads as absent,
/// numbers read as Int64 (decimals truncated, out-of-range values clamped, as Java's conversion would).
struct InputReader: Sendable {
    let object: JSONObject
    /// Top-level attribute maps (`Item`, `Key`) the type check already decoded without error, by member name.
    var decodedAttributeMaps: [String: Item] = [:]

    init(_ object: JSONObject) { self.object = object }

    init?(_ value: JSONValue?) {
        guard case .object(let object)? = value else { return nil }
        self.object = object
    }

    /// True when the member is present and not null.
    func has(_ key: String) -> Bool {
        guard let value = object[key] else { return false }
        return value != .null
    }

    func string(_ key: String) -> String? { object[key]?.stringValue }
    func bool(_ key: String) -> Bool? { object[key]?.boolValue }
    func long(_ key: String) -> Int64? { object[key]?.numberValue.map(InputReader.int64) }
    func list(_ key: String) -> [JSONValue]? { object[key]?.arrayValue }
    func reader(_ key: String) -> InputReader? { InputReader(object[key]) }

    /// List of structures; a null element reads as an empty structure (all members null).
    func readers(_ key: String) -> [InputReader]? {
        list(key).map { $0.map { InputReader($0) ?? InputReader(JSONObject()) } }
    }

    /// List of strings; elements of other types (only null can remain after type checking) are dropped.
    func strings(_ key: String) -> [String]? { list(key).map { $0.compactMap(\.stringValue) } }

    static func int64(_ number: JSONNumber) -> Int64 {
        if let exact = number.int64Value { return exact }
        let value = number.doubleValue
        if value.isNaN { return 0 }
        if value >= 9.2e18 { return Int64.max }
        if value <= -9.2e18 { return Int64.min }
        return Int64(value.rounded(.towardZero))
    }
}
