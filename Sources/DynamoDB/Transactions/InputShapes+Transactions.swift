/// Input shapes of TransactWriteItems and TransactGetItems, reduced from the botocore model to what JSON
/// type checking needs (each action's Java class names the structure in Coral's collection-type texts).
extension InputShapes {
    /// Members every write action shares.
    private static let transactWriteMembers: [String: InputShape] = [
        "TableName": .string, "ConditionExpression": .string, "ExpressionAttributeNames": .map(.string),
        "ExpressionAttributeValues": item, "ReturnValuesOnConditionCheckFailure": .string,
    ]

    static let transactWriteItem = InputShape.structure(
        "TransactWriteItem",
        [
            "ConditionCheck": .structure("ConditionCheck", transactWriteMembers.merging(["Key": item]) { $1 }),
            "Put": .structure("Put", transactWriteMembers.merging(["Item": item]) { $1 }),
            "Delete": .structure("Delete", transactWriteMembers.merging(["Key": item]) { $1 }),
            "Update": .structure(
                "Update", transactWriteMembers.merging(["Key": item, "UpdateExpression": .string]) { $1 }),
        ])

    static let transactWriteItems = InputShape.structure(
        "TransactWriteItemsInput",
        [
            "TransactItems": .list(transactWriteItem), "ReturnConsumedCapacity": .string,
            "ReturnItemCollectionMetrics": .string, "ClientRequestToken": .string,
        ])

    static let transactGetItem = InputShape.structure(
        "TransactGetItem",
        [
            "Get": .structure(
                "Get",
                [
                    "Key": item, "TableName": .string, "ProjectionExpression": .string,
                    "ExpressionAttributeNames": .map(.string),
                ])
        ])

    static let transactGetItems = InputShape.structure(
        "TransactGetItemsInput", ["TransactItems": .list(transactGetItem), "ReturnConsumedCapacity": .string])

    /// The members each action of the model has: anything else a request sends is ignored, as Coral's
    /// deserializer ignores unknown members.
    static let transactActionMembers: [String: Set<String>] = [
        "ConditionCheck": Set(transactWriteMembers.keys).union(["Key"]),
        "Put": Set(transactWriteMembers.keys).union(["Item"]),
        "Delete": Set(transactWriteMembers.keys).union(["Key"]),
        "Update": Set(transactWriteMembers.keys).union(["Key", "UpdateExpression"]),
        "Get": ["Key", "TableName", "ProjectionExpression", "ExpressionAttributeNames"],
    ]
}
