import DynamoDBItems

/// What a Query reads, from its KeyConditionExpression (or legacy KeyConditions) checked against the
/// table's or index's key schema: one partition and a sort-key condition. AWS's messages for key
/// conditions ("Key condition expressions for query", Amazon DynamoDB Developer Guide; texts as
/// DynamoDB answers them; Unverified beyond the texts the dynalite emulator and users' reports show).
public struct KeyQuery: Sendable, Equatable {
    public var partition: KeyValue
    public var sort: SortKeyCondition

    public init(partition: KeyValue, sort: SortKeyCondition = .any) {
        self.partition = partition
        self.sort = sort
    }

    /// Translates a checked key condition for `schema`.
    public init(_ condition: Condition, schema: KeySchema) throws(ItemError) {
        if schema.isMultiAttribute {
            self = try KeyQuery(multiAttribute: condition, schema: schema)
            return
        }
        var conditions: [String: (Condition, [AttributeValue])] = [:]
        for leaf in KeyQuery.leaves(condition) {
            let (name, values) = try KeyQuery.keyCondition(leaf)
            guard conditions[name] == nil else { throw .validation("KeyConditionExpressions must only contain one condition per key") }
            conditions[name] = (KeyQuery.attributeFirst(leaf), values)
        }
        if schema.sort == nil, conditions.count > 1 { throw .validation("Query key condition not supported") }
        guard let (partitionCondition, partitionValues) = conditions.removeValue(forKey: schema.partition.name) else {
            throw .validation("Query condition missed key schema element: \(schema.partition.name)")
        }
        partition = try KeyQuery.keyValue(partitionValues[0], schema.partition)
        guard case .compare(.equal, _, _) = partitionCondition else { throw .validation("Query key condition not supported") }
        sort = .any
        guard let (sortCondition, sortValues) = conditions.first?.value else { return }
        guard conditions.count == 1, let sortElement = schema.sort, conditions[sortElement.name] != nil else {
            throw .validation("Query condition missed key schema element: \(schema.sort?.name ?? schema.partition.name)")
        }
        let bounds = try sortValues.map { value throws(ItemError) in try KeyQuery.keyValue(value, sortElement) }
        sort = KeyQuery.sortCondition(sortCondition, bounds)
    }

    /// `:v < sk` as `sk > :v`.
    static func attributeFirst(_ leaf: Condition) -> Condition {
        guard case .compare(let comparator, let left, let right) = leaf, case .value = left else { return leaf }
        let turned: [Comparator: Comparator] = [
            .less: .greater, .lessOrEqual: .greaterOrEqual, .greater: .less, .greaterOrEqual: .lessOrEqual,
        ]
        return .compare(turned[comparator] ?? comparator, right, left)
    }

    static func leaves(_ condition: Condition) -> [Condition] {
        if case .and(let left, let right) = condition { return leaves(left) + leaves(right) }
        return [condition]
    }

    static func keyValue(_ value: AttributeValue, _ element: KeySchema.Element) throws(ItemError) -> KeyValue {
        guard let key = KeyValue(value), key.type == element.type else {
            throw .validation("One or more parameter values were invalid: Condition parameter type does not match schema type")
        }
        return key
    }

    static func sortCondition(_ condition: Condition, _ bounds: [KeyValue]) -> SortKeyCondition {
        switch condition {
        case .between: return .between(bounds[0], bounds[1])
        case .beginsWith: return .beginsWith(bounds[0])
        case .compare(.less, _, _): return .less(bounds[0])
        case .compare(.lessOrEqual, _, _): return .lessOrEqual(bounds[0])
        case .compare(.greater, _, _): return .greater(bounds[0])
        case .compare(.greaterOrEqual, _, _): return .greaterOrEqual(bounds[0])
        default: return .equal(bounds[0])
        }
    }

    /// The key attribute a leaf condition constrains and its values, the comparison turned so the
    /// attribute comes first (`:v < sk` is `sk > :v`).
    static func keyCondition(_ leaf: Condition) throws(ItemError) -> (String, [AttributeValue]) {
        func invalidOperator(_ name: String) -> ItemError { .validation("Invalid operator used in KeyConditionExpression: \(name)") }
        let operands: [Operand]
        switch leaf {
        case .or: throw invalidOperator("OR")
        case .not: throw invalidOperator("NOT")
        case .isIn: throw invalidOperator("IN")
        case .compare(.notEqual, _, _): throw invalidOperator("<>")
        case .attributeExists: throw invalidOperator("attribute_exists")
        case .attributeNotExists: throw invalidOperator("attribute_not_exists")
        case .attributeType: throw invalidOperator("attribute_type")
        case .contains: throw invalidOperator("contains")
        case .compare(_, let left, let right): operands = [left, right]
        case .between(let value, let low, let high):
            guard case .path = value else {
                throw .validation(
                    "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand")
            }
            operands = [value, low, high]
        case .beginsWith(let value, let prefix):
            guard case .path = value else {
                throw .validation(
                    "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand")
            }
            operands = [value, prefix]
        case .and: operands = []
        }
        var name: String?
        var values: [AttributeValue] = []
        for operand in operands {
            switch operand {
            case .path(let path):
                guard name == nil else {
                    throw .validation("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition")
                }
                guard path.elements.count == 1 else {
                    throw .validation("KeyConditionExpressions cannot have conditions on nested attributes")
                }
                name = path.topLevelName
            case .value(let value): values.append(value)
            default: throw .validation("KeyConditionExpressions cannot contain nested operations")
            }
        }
        guard let name else { throw .validation("Invalid condition in KeyConditionExpression: No key attribute specified") }
        return (name, values)
    }
}
