import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// The Coral constraints of Query and Scan, in the order DynamoDB lists them (recorded by the dynalite
/// emulator's tests against DynamoDB): Coral validates members in its own order, not the request's.
extension DynamoDBService {
    static let selectEnum = ReadSelection.wireValues
    static let conditionalOperatorEnum = ["OR", "AND"]
    static let comparisonOperatorEnum = [
        "IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS",
    ]

    /// Query's constraints; returns the table reference (nil when `TableName` is missing).
    static func queryConstraints(_ input: InputReader, _ validator: inout CoralValidator, _ context: RequestContext)
        throws(AWSServiceError) -> TableReference?
    {
        itemEnum(input, "Select", at: "select", selectEnum, &validator)
        if let indexName = input.string("IndexName") { validator.name(indexName, at: "indexName") }
        itemEnum(input, "ReturnConsumedCapacity", at: "returnConsumedCapacity", returnConsumedCapacityEnum, &validator)
        conditionOperators(input, "QueryFilter", at: "queryFilter", &validator)
        let reference = try itemTableReference(input, &validator, context)
        itemEnum(input, "ConditionalOperator", at: "conditionalOperator", conditionalOperatorEnum, &validator)
        attributesToGetLength(input, &validator)
        if let limit = input.long("Limit") { validator.range(limit, at: "limit", min: 1) }
        conditionOperators(input, "KeyConditions", at: "keyConditions", &validator)
        return reference
    }

    /// Scan's constraints; returns the table reference (nil when `TableName` is missing).
    static func scanConstraints(_ input: InputReader, _ validator: inout CoralValidator, _ context: RequestContext)
        throws(AWSServiceError) -> TableReference?
    {
        itemEnum(input, "Select", at: "select", selectEnum, &validator)
        if let indexName = input.string("IndexName") { validator.name(indexName, at: "indexName") }
        if let total = input.long("TotalSegments") { validator.range(total, at: "totalSegments", min: 1, max: 1_000_000) }
        itemEnum(input, "ReturnConsumedCapacity", at: "returnConsumedCapacity", returnConsumedCapacityEnum, &validator)
        let reference = try itemTableReference(input, &validator, context)
        itemEnum(input, "ConditionalOperator", at: "conditionalOperator", conditionalOperatorEnum, &validator)
        conditionOperators(input, "ScanFilter", at: "scanFilter", &validator)
        if let segment = input.long("Segment") { validator.range(segment, at: "segment", min: 0, max: 999_999) }
        if let limit = input.long("Limit") { validator.range(limit, at: "limit", min: 1) }
        attributesToGetLength(input, &validator)
        return reference
    }

    /// Each condition's `ComparisonOperator` (`KeyConditions`, `QueryFilter`, `ScanFilter`): present and known.
    private static func conditionOperators(_ input: InputReader, _ member: String, at path: String, _ validator: inout CoralValidator) {
        for entry in input.object[member]?.objectValue?.members ?? [] where entry.value != .null {
            let at = "\(path).\(entry.key).member.comparisonOperator"
            guard let comparison = entry.value.objectValue?["ComparisonOperator"]?.stringValue else {
                validator.notNull(false, at: at)
                continue
            }
            validator.enumValue(comparison, at: at, comparisonOperatorEnum)
        }
    }

    private static func attributesToGetLength(_ input: InputReader, _ validator: inout CoralValidator) {
        guard let names = input.list("AttributesToGet") else { return }
        let rendered = "[" + names.compactMap(\.stringValue).joined(separator: ", ") + "]"
        validator.listLength(names.count, rendered: rendered, at: "attributesToGet", min: 1, max: 255)
    }
}
