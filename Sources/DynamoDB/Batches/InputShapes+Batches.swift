/// Input shapes of BatchGetItem and BatchWriteItem, reduced from the botocore model to what JSON type
/// checking needs (`BatchGetRequestMap`, `KeysAndAttributes`, `BatchWriteItemRequestMap`, `WriteRequest`).
extension InputShapes {
    static let keysAndAttributes = InputShape.structure(
        "KeysAndAttributes",
        [
            "Keys": .list(item), "AttributesToGet": .list(.string), "ConsistentRead": .boolean,
            "ProjectionExpression": .string, "ExpressionAttributeNames": .map(.string),
        ])
    static let writeRequest = InputShape.structure(
        "WriteRequest",
        [
            "PutRequest": .structure("PutRequest", ["Item": item]),
            "DeleteRequest": .structure("DeleteRequest", ["Key": item]),
        ])

    static let batchGetItem = InputShape.structure(
        "BatchGetItemInput",
        ["RequestItems": .typedMap("KeysAndAttributes", keysAndAttributes), "ReturnConsumedCapacity": .string])
    static let batchWriteItem = InputShape.structure(
        "BatchWriteItemInput",
        [
            "RequestItems": .typedMap(
                "java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>", .list(writeRequest)),
            "ReturnConsumedCapacity": .string, "ReturnItemCollectionMetrics": .string,
        ])
}
