import AWSProtocol

/// Decoding attribute values from DynamoDB's JSON form (`{"S":"x"}`, `{"M":{…}}`) with AWS's checks
/// and messages, in AWS's order (each member in the order sent, then "more than one datatype"), and
/// encoding them back with numbers normalised.
extension AttributeValue {
    /// The deepest nesting of maps and lists DynamoDB accepts: "Nested attribute depth", in "Service,
    /// account, and table quotas in Amazon DynamoDB" (32 levels).
    public static let maximumDepth = 32

    /// Observed on DynamoDB (2026, several regions): the text comes in Coral's one-error envelope.
    static let nestingMessage =
        "1 validation error detected: Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit"

    /// Decodes one `AttributeValue` structure; `depth` is its nesting level (a top-level attribute is 1).
    public init(wire: JSONValue, depth: Int = 1) throws(ItemError) {
        guard case .object(let object) = wire else { throw WireShape.mismatch(wire, expected: .valueStructure) }
        guard depth <= AttributeValue.maximumDepth else { throw .validation(AttributeValue.nestingMessage) }
        var decoded: AttributeValue?
        var count = 0
        for member in object.members where member.value != .null {
            guard let type = AttributeType(rawValue: member.key) else { continue }
            let value = try AttributeValue.decode(type, member.value, depth: depth)
            count += 1
            if decoded == nil { decoded = value }
        }
        guard let decoded else {
            throw .validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
        }
        guard count == 1 else {
            throw .validation(
                "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")
        }
        self = decoded
    }

    private static func decode(_ type: AttributeType, _ wire: JSONValue, depth: Int) throws(ItemError) -> AttributeValue {
        switch type {
        case .string: return .string(try WireShape.string(wire))
        case .number: return .number(try DynamoNumber(parsing: WireShape.string(wire)))
        case .binary: return .binary(try Base64.decode(WireShape.binaryText(wire)))
        case .bool: return .bool(try WireShape.bool(wire))
        case .null:
            // Observed (2026): `{"NULL": false}` is accepted and stored as `{"NULL": true}`; it used to be refused
            // with "Null attribute value types must have the value of true".
            _ = try WireShape.bool(wire)
            return .null
        case .map: return .map(try decodeMap(wire, depth: depth + 1))
        case .list:
            var elements: [AttributeValue] = []
            for element in try WireShape.list(wire) { elements.append(try AttributeValue(wire: element, depth: depth + 1)) }
            return .list(elements)
        case .stringSet: return try decodeStringSet(WireShape.list(wire))
        case .numberSet: return try decodeNumberSet(WireShape.list(wire))
        case .binarySet: return try decodeBinarySet(WireShape.list(wire))
        }
    }

    /// A map of attribute values (an item, a key, or an `M` value at `depth`).
    public static func decodeMap(_ wire: JSONValue, depth: Int = 1) throws(ItemError) -> [String: AttributeValue] {
        guard case .object(let object) = wire else { throw WireShape.mismatch(wire, expected: .map) }
        var map: [String: AttributeValue] = [:]
        for member in object.members where member.value != .null {
            map[member.key] = try AttributeValue(wire: member.value, depth: depth)
        }
        return map
    }

    private static func decodeStringSet(_ elements: [JSONValue]) throws(ItemError) -> AttributeValue {
        guard !elements.isEmpty else { throw .validation("One or more parameter values were invalid: An string set  may not be empty") }
        var members: [String] = []
        for element in elements { members.append(try WireShape.string(element)) }
        if Set(members).count != members.count {
            throw .validation(
                "One or more parameter values were invalid: Input collection [\(members.joined(separator: ", "))] contains duplicates.")
        }
        return .stringSet(members)
    }

    private static func decodeNumberSet(_ elements: [JSONValue]) throws(ItemError) -> AttributeValue {
        guard !elements.isEmpty else { throw .validation("One or more parameter values were invalid: An number set  may not be empty") }
        var members: [DynamoNumber] = []
        for element in elements { members.append(try DynamoNumber(parsing: WireShape.string(element))) }
        if Set(members).count != members.count { throw .validation("Input collection contains duplicates") }
        return .numberSet(members)
    }

    private static func decodeBinarySet(_ elements: [JSONValue]) throws(ItemError) -> AttributeValue {
        guard !elements.isEmpty else { throw .validation("One or more parameter values were invalid: Binary sets should not be empty") }
        var members: [[UInt8]] = []
        var texts: [String] = []
        for element in elements {
            let text = try WireShape.string(element)
            texts.append(text)
            members.append(try Base64.decode(text))
        }
        if Set(members).count != members.count {
            throw .validation(
                "One or more parameter values were invalid: Input collection [\(texts.joined(separator: ", "))]of type BS contains duplicates."
            )
        }
        return .binarySet(members)
    }

    /// The value in DynamoDB's JSON form; numbers normalised, map members sorted by name (DynamoDB
    /// promises no order; sorting keeps our answers repeatable).
    public var wire: JSONValue {
        var object = JSONObject()
        switch self {
        case .string(let value): object.append("S", .string(value))
        case .number(let value): object.append("N", .string(value.text))
        case .binary(let value): object.append("B", .string(Base64.encode(value)))
        case .bool(let value): object.append("BOOL", .bool(value))
        case .null: object.append("NULL", .bool(true))
        case .map(let value): object.append("M", AttributeValue.wire(value))
        case .list(let value): object.append("L", .array(value.map(\.wire)))
        case .stringSet(let value): object.append("SS", .array(value.map { .string($0) }))
        case .numberSet(let value): object.append("NS", .array(value.map { .string($0.text) }))
        case .binarySet(let value): object.append("BS", .array(value.map { .string(Base64.encode($0)) }))
        }
        return .object(object)
    }

    /// A map (an item, a key) in DynamoDB's JSON form, members sorted by name.
    public static func wire(_ map: [String: AttributeValue]) -> JSONValue {
        var object = JSONObject()
        for name in map.keys.sorted() { if let value = map[name] { object.append(name, value.wire) } }
        return .object(object)
    }
}
