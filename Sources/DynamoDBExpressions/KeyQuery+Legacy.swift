import AWSProtocol
import DynamoDBItems

/// Query's legacy `KeyConditions`, checked per key attribute (partition first) with the messages DynamoDB
/// gives for them (Unverified: as the dynalite emulator records them).
extension KeyQuery {
    public init(keyConditions wire: JSONValue, schema: KeySchema) throws(ItemError) {
        var conditions: [String: (LegacyComparison, [AttributeValue])] = [:]
        for member in wire.objectValue?.members ?? [] where member.value != .null {
            let entry = member.value.objectValue ?? JSONObject()
            let comparison = entry["ComparisonOperator"]?.stringValue.flatMap(LegacyComparison.init(rawValue:)) ?? .equal
            var values: [AttributeValue] = []
            for element in entry["AttributeValueList"]?.arrayValue ?? [] { values.append(try AttributeValue(wire: element)) }
            try comparison.check(values)
            conditions[member.key] = (comparison, values)
        }
        if schema.isMultiAttribute {
            self = try KeyQuery.multiAttribute(legacy: conditions, schema: schema)
            return
        }
        if schema.sort == nil, conditions.count > 1 { throw .validation("Query key condition not supported") }
        var bounds: [String: (LegacyComparison, [KeyValue])] = [:]
        for (position, element) in schema.elements.enumerated() {
            guard let (comparison, values) = conditions[element.name] else {
                if position == 0 || conditions.count > 1 {
                    throw .validation("Query condition missed key schema element: \(element.name)")
                }
                continue
            }
            if [.notEqual, .null, .notNull, .contains, .notContains, .isIn].contains(comparison) {
                throw .validation("Attempted conditional constraint is not an indexable operation")
            }
            var keys: [KeyValue] = []
            for value in values {
                guard let key = KeyValue(value), key.type == element.type else {
                    throw .validation("One or more parameter values were invalid: Condition parameter type does not match schema type")
                }
                keys.append(key)
            }
            if position == 0, comparison != .equal { throw .validation("Query key condition not supported") }
            bounds[element.name] = (comparison, keys)
        }
        guard let partition = bounds[schema.partition.name]?.1.first else {
            throw .validation("Query condition missed key schema element: \(schema.partition.name)")
        }
        self.init(partition: partition, sort: schema.sort.flatMap { bounds[$0.name] }.map(KeyQuery.sortCondition) ?? .any)
    }

    /// KeyConditions on multi-attribute keys: the rules of `multiAttribute` (DynamoDB accepts KeyConditions on
    /// such indexes, as reported by ScyllaDB's conformance tests in 2026), after the indexable-operator check.
    private static func multiAttribute(legacy conditions: [String: (LegacyComparison, [AttributeValue])], schema: KeySchema)
        throws(ItemError) -> KeyQuery
    {
        var constraints: [String: KeyConstraint] = [:]
        for (name, (comparison, values)) in conditions {
            if [.notEqual, .null, .notNull, .contains, .notContains, .isIn].contains(comparison) {
                throw .validation("Attempted conditional constraint is not an indexable operation")
            }
            constraints[name] = KeyConstraint(isEquality: comparison == .equal, values: values) {
                KeyQuery.sortCondition(comparison, $0)
            }
        }
        return try multiAttribute(constraints, schema: schema)
    }

    private static func sortCondition(_ comparison: LegacyComparison, _ keys: [KeyValue]) -> SortKeyCondition {
        switch comparison {
        case .less: return .less(keys[0])
        case .lessOrEqual: return .lessOrEqual(keys[0])
        case .greater: return .greater(keys[0])
        case .greaterOrEqual: return .greaterOrEqual(keys[0])
        case .beginsWith: return .beginsWith(keys[0])
        case .between: return .between(keys[0], keys[1])
        default: return .equal(keys[0])
        }
    }
}
