/// Input shapes of Query and Scan, reduced from the botocore model to what JSON type checking needs.
extension InputShapes {
    /// `KeyConditions`, `QueryFilter` and `ScanFilter`: per attribute a `Condition`.
    static let conditions = InputShape.typedMap(
        "Condition",
        .structure("Condition", ["AttributeValueList": .list(.attributeValue), "ComparisonOperator": .string]))

    /// Members Query and Scan share.
    private static let readMembers: [String: InputShape] = [
        "TableName": .string, "IndexName": .string, "AttributesToGet": .list(.string), "Limit": .integer,
        "Select": .string, "ConditionalOperator": .string, "ExclusiveStartKey": item, "ReturnConsumedCapacity": .string,
        "ProjectionExpression": .string, "FilterExpression": .string, "ExpressionAttributeNames": .map(.string),
        "ExpressionAttributeValues": item, "ConsistentRead": .boolean,
    ]

    static let query = InputShape.structure(
        "QueryInput",
        readMembers.merging([
            "KeyConditions": conditions, "QueryFilter": conditions, "ScanIndexForward": .boolean,
            "KeyConditionExpression": .string,
        ]) { $1 })
    static let scan = InputShape.structure(
        "ScanInput", readMembers.merging(["ScanFilter": conditions, "Segment": .integer, "TotalSegments": .integer]) { $1 })
}
