import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// The expression members of an item request with their `ExpressionAttributeNames`/`Values`, checked and
/// parsed in AWS's order (attribute maps, then each expression, then unused placeholders).
enum ItemExpressionMembers {
    static func parse(_ input: InputReader, kinds: [ExpressionKind]) throws(ItemError) -> ParsedExpressions {
        let attributes = try ExpressionAttributes(
            namesWire: input.object["ExpressionAttributeNames"], valuesWire: input.object["ExpressionAttributeValues"])
        var texts: [ExpressionKind: String] = [:]
        for kind in kinds { texts[kind] = input.string(kind.rawValue) }
        if texts.isEmpty, attributes.names.isEmpty, attributes.values.isEmpty { return ParsedExpressions() }
        return try Expressions.parse(texts, attributes: attributes)
    }

    /// `Expected` with `ConditionalOperator`, when sent (`ConditionalOperator` needs two or more conditions).
    static func expected(_ input: InputReader) throws(ItemError) -> Condition? {
        try checkConditionalOperator(input, filter: "Expected")
        guard let wire = input.object["Expected"], wire != .null else { return nil }
        return try LegacyParameters.expected(wire, conditionalOperator: input.string("ConditionalOperator"))
    }

    /// The attribute map sent as `member` (`Item` or `Key`), every value checked (by the type check when it
    /// decoded the map without error, otherwise here, which throws the first problem).
    static func attributeMap(_ input: InputReader, _ member: String) throws(ItemError) -> Item {
        if let decoded = input.decodedAttributeMaps[member] { return decoded }
        return try AttributeValue.decodeMap(input.object[member] ?? .object(JSONObject()))
    }
}
