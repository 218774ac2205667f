import AWSProtocol
import DynamoDBItems

/// A request's `ExpressionAttributeNames` and `ExpressionAttributeValues`, checked as DynamoDB checks them
/// before any expression is read: not empty, keys of the form `#name` / `:value`, values valid.
public struct ExpressionAttributes: Sendable, Equatable {
    /// Placeholders in the order the request listed them (the unused-placeholder messages list them so).
    public private(set) var nameOrder: [String] = []
    public private(set) var valueOrder: [String] = []
    public private(set) var names: [String: String] = [:]
    public private(set) var values: [String: AttributeValue] = [:]

    public init(names: [String: String] = [:], values: [String: AttributeValue] = [:]) {
        self.names = names
        self.values = values
        nameOrder = names.keys.sorted()
        valueOrder = values.keys.sorted()
    }

    /// Decodes and checks the two request members (absent members are nil).
    public init(namesWire: JSONValue?, valuesWire: JSONValue?) throws(ItemError) {
        if let namesWire, namesWire != .null {
            guard case .object(let object) = namesWire else { throw .serialization("Unexpected field type") }
            guard !object.isEmpty else { throw .validation("ExpressionAttributeNames must not be empty") }
            for member in object.members {
                guard ExpressionAttributes.isPlaceholder(member.key, prefix: "#") else {
                    throw .validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"\(member.key)\"")
                }
                guard case .string(let name) = member.value else { throw .serialization("Unexpected value type in payload") }
                if names[member.key] == nil { nameOrder.append(member.key) }
                names[member.key] = name
            }
        }
        if let valuesWire, valuesWire != .null {
            guard case .object(let object) = valuesWire else { throw .serialization("Unexpected field type") }
            guard !object.isEmpty else { throw .validation("ExpressionAttributeValues must not be empty") }
            for member in object.members where !ExpressionAttributes.isPlaceholder(member.key, prefix: ":") {
                throw .validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"\(member.key)\"")
            }
            for member in object.members {
                do {
                    let value = try AttributeValue(wire: member.value)
                    if values[member.key] == nil { valueOrder.append(member.key) }
                    values[member.key] = value
                } catch  where error.kind == .validation {
                    throw .validation("ExpressionAttributeValues contains invalid value: \(error.message) for key \(member.key)")
                }
            }
        }
    }

    private static func isPlaceholder(_ key: String, prefix: Character) -> Bool {
        key.first == prefix && key.count > 1
            && key.unicodeScalars.dropFirst().allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
            }
    }
}
