import AWSProtocol
import DynamoDBItems

/// The pre-expression request parameters translated into the same trees as expressions: `Expected` with
/// `ConditionalOperator`, `KeyConditions`, `QueryFilter`/`ScanFilter`, `AttributeUpdates`, `AttributesToGet`,
/// with their own AWS messages ("Legacy conditional parameters", Amazon DynamoDB Developer Guide).
public enum LegacyParameters {
    /// Refuses a request that mixes expression and legacy parameters, or sends names and values without
    /// expressions. `present` lists the request members that were sent; `expressions` and `legacy` are
    /// the operation's two families in AWS's order (for UpdateItem: UpdateExpression, ConditionExpression
    /// and AttributeUpdates, Expected).
    public static func checkNotMixed(present: Set<String>, expressions: [String], legacy: [String]) throws(ItemError) {
        let usedExpressions = expressions.filter(present.contains)
        var usedLegacy = legacy.filter(present.contains)
        if present.contains("KeyConditions"), !present.contains("KeyConditionExpression") {
            usedLegacy.removeAll { $0 == "KeyConditions" }
        }
        if !usedExpressions.isEmpty, !usedLegacy.isEmpty {
            throw .validation(
                "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: "
                    + "{\(usedLegacy.joined(separator: ", "))} Expression parameters: {\(usedExpressions.joined(separator: ", "))}")
        }
        if present.contains("ExpressionAttributeNames"), usedExpressions.isEmpty {
            throw .validation("ExpressionAttributeNames can only be specified when using expressions")
        }
        let valueExpressions = expressions.filter { $0 != "ProjectionExpression" }
        if present.contains("ExpressionAttributeValues"), !valueExpressions.isEmpty, valueExpressions.allSatisfy({ !present.contains($0) })
        {
            let verb = valueExpressions.count > 1 ? "are" : "is"
            throw .validation(
                "ExpressionAttributeValues can only be specified when using expressions: \(valueExpressions.joined(separator: " and ")) \(verb) null"
            )
        }
    }

    /// `Expected` (and `ConditionalOperator`, default AND) as one condition.
    public static func expected(_ wire: JSONValue, conditionalOperator: String? = nil) throws(ItemError) -> Condition? {
        guard case .object(let object) = wire else { return nil }
        var conditions: [Condition] = []
        for member in object.members where member.value != .null {
            conditions.append(try expectedEntry(member.key, member.value))
        }
        return combine(conditions, conditionalOperator)
    }

    private static func expectedEntry(_ name: String, _ wire: JSONValue) throws(ItemError) -> Condition {
        let entry = wire.objectValue ?? JSONObject()
        let has = { (key: String) in entry[key] != nil && entry[key] != .null }
        if has("AttributeValueList") && has("Value") {
            throw .validation(
                "One or more parameter values were invalid: Value and AttributeValueList cannot be used together for Attribute: \(name)")
        }
        if let operatorName = entry["ComparisonOperator"]?.stringValue {
            if has("Exists") {
                throw .validation(
                    "One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together for Attribute: \(name)"
                )
            }
            let comparison = LegacyComparison(rawValue: operatorName) ?? .equal
            if comparison != .null, comparison != .notNull, !has("AttributeValueList"), !has("Value") {
                throw .validation(
                    "One or more parameter values were invalid: Value or AttributeValueList must be used with ComparisonOperator: \(operatorName) for Attribute: \(name)"
                )
            }
            let values = try has("Value") ? [AttributeValue(wire: entry["Value"] ?? .null)] : valueList(entry["AttributeValueList"])
            try comparison.check(values)
            return comparison.condition(on: name, values)
        }
        if has("AttributeValueList") {
            throw .validation(
                "One or more parameter values were invalid: AttributeValueList can only be used with a ComparisonOperator for Attribute: \(name)"
            )
        }
        let exists = entry["Exists"]?.boolValue
        if exists ?? true {
            guard has("Value") else {
                throw .validation(
                    "One or more parameter values were invalid: Value must be provided when Exists is \(exists.map { "\($0)" } ?? "null") for Attribute: \(name)"
                )
            }
            return .compare(.equal, .path(DocumentPath(attribute: name)), .value(try AttributeValue(wire: entry["Value"] ?? .null)))
        }
        if has("Value") {
            throw .validation("One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: \(name)")
        }
        return .attributeNotExists(DocumentPath(attribute: name))
    }

    /// `QueryFilter`, `ScanFilter` or `KeyConditions`: per attribute a ComparisonOperator and AttributeValueList.
    public static func conditions(_ wire: JSONValue, conditionalOperator: String? = nil) throws(ItemError) -> Condition? {
        guard case .object(let object) = wire else { return nil }
        var conditions: [Condition] = []
        for member in object.members where member.value != .null {
            let entry = member.value.objectValue ?? JSONObject()
            let comparison = entry["ComparisonOperator"]?.stringValue.flatMap(LegacyComparison.init(rawValue:)) ?? .equal
            let values = try valueList(entry["AttributeValueList"])
            try comparison.check(values)
            conditions.append(comparison.condition(on: member.key, values))
        }
        return combine(conditions, conditionalOperator)
    }

    private static func valueList(_ wire: JSONValue?) throws(ItemError) -> [AttributeValue] {
        guard case .array(let elements)? = wire else { return [] }
        var values: [AttributeValue] = []
        for element in elements { values.append(try AttributeValue(wire: element)) }
        return values
    }

    private static func combine(_ conditions: [Condition], _ conditionalOperator: String?) -> Condition? {
        guard var combined = conditions.first else { return nil }
        for condition in conditions.dropFirst() {
            combined = conditionalOperator == "OR" ? .or(combined, condition) : .and(combined, condition)
        }
        return combined
    }

    /// `AttributesToGet` as projection paths.
    public static func attributesToGet(_ names: [String]) -> [DocumentPath] { names.map { DocumentPath(attribute: $0) } }
}
