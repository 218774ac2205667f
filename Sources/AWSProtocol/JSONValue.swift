#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A JSON value exactly as it appeared on the wire: numbers keep their lexeme (so `5` and `5.0`
/// and `true` stay distinct, unlike Foundation on Linux) and objects keep their key order.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    public static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
    public static func int64(_ value: Int64) -> JSONValue { .number(JSONNumber(value)) }
    public static func double(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }

    /// Epoch seconds with a millisecond fraction, the DynamoDB timestamp form (`1421866952.062`).
    public static func epochSeconds(_ date: Date) -> JSONValue {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = millis / 1000
        let fraction = millis % 1000
        if fraction == 0 { return .number(JSONNumber(text: String(seconds))) }
        var digits = String(fraction)
        while digits.count < 3 { digits = "0" + digits }
        while digits.hasSuffix("0") { digits.removeLast() }
        return .number(JSONNumber(text: "\(seconds).\(digits)"))
    }

    public var stringValue: String? { if case .string(let string) = self { return string } else { return nil } }
    public var boolValue: Bool? { if case .bool(let flag) = self { return flag } else { return nil } }
    public var numberValue: JSONNumber? { if case .number(let number) = self { return number } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let elements) = self { return elements } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let object) = self { return object } else { return nil } }
    public var isNull: Bool { self == .null }

    /// Member lookup on objects; nil for other values.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { JSONObject.Member(key: $0.0, value: $0.1) }))
    }
    public init(nilLiteral: ()) { self = .null }
}
