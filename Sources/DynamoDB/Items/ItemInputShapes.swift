/// Input shapes of the item operations, reduced from the botocore model to what JSON type checking needs.
extension InputShapes {
    static let item = InputShape.typedMap("AttributeValue", .attributeValue)
    static let expected = InputShape.typedMap(
        "ExpectedAttributeValue",
        .structure(
            "ExpectedAttributeValue",
            [
                "Value": .attributeValue, "Exists": .boolean, "ComparisonOperator": .string,
                "AttributeValueList": .list(.attributeValue),
            ]))
    static let attributeUpdates = InputShape.typedMap(
        "AttributeValueUpdate", .structure("AttributeValueUpdate", ["Value": .attributeValue, "Action": .string]))

    /// Members every item write shares.
    private static let writeMembers: [String: InputShape] = [
        "TableName": .string, "Expected": expected, "ReturnValues": .string, "ReturnConsumedCapacity": .string,
        "ReturnItemCollectionMetrics": .string, "ConditionalOperator": .string, "ConditionExpression": .string,
        "ExpressionAttributeNames": .map(.string), "ExpressionAttributeValues": item,
        "ReturnValuesOnConditionCheckFailure": .string,
    ]

    static let putItem = InputShape.structure("PutItemInput", writeMembers.merging(["Item": item]) { $1 })
    static let deleteItem = InputShape.structure("DeleteItemInput", writeMembers.merging(["Key": item]) { $1 })
    static let updateItem = InputShape.structure(
        "UpdateItemInput",
        writeMembers.merging(["Key": item, "AttributeUpdates": attributeUpdates, "UpdateExpression": .string]) { $1 })
    static let getItem = InputShape.structure(
        "GetItemInput",
        [
            "TableName": .string, "Key": item, "AttributesToGet": .list(.string), "ConsistentRead": .boolean,
            "ReturnConsumedCapacity": .string, "ProjectionExpression": .string,
            "ExpressionAttributeNames": .map(.string),
        ])
}
