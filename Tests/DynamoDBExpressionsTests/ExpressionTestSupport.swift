import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// Builds requests' expression members from JSON text, as the operations will receive them.
enum ExpressionFixture {
    static func attributes(names: String? = nil, values: String? = nil) throws -> ExpressionAttributes {
        try ExpressionAttributes(
            namesWire: names.map { try JSONParser.parse(Array($0.utf8)) }, valuesWire: values.map { try JSONParser.parse(Array($0.utf8)) })
    }

    static func parse(_ expressions: [ExpressionKind: String], names: String? = nil, values: String? = nil) throws -> ParsedExpressions {
        try Expressions.parse(expressions, attributes: attributes(names: names, values: values))
    }

    /// The message of the error parsing throws, or nil when it parses.
    static func failure(_ expressions: [ExpressionKind: String], names: String? = nil, values: String? = nil) -> String? {
        do {
            _ = try parse(expressions, names: names, values: values)
            return nil
        } catch let error as ItemError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    static func item(_ json: String) throws -> Item { try AttributeValue.decodeMap(JSONParser.parse(Array(json.utf8))) }
}
