import AWSProtocol

/// BatchGetItem's and BatchWriteItem's own refusals (the item-level ones are the item calls' texts).
extension DynamoDBError {
    /// An empty `RequestItems` map. Observed on DynamoDB (2026, most regions; a few answer Coral's
    /// "Member must have length greater than or equal to 1" instead) for BatchGetItem; the same text for
    /// BatchWriteItem is observed there too.
    static func requestItemsRequired(_ operation: String) -> AWSServiceError {
        .validation("The requestItems parameter is required for \(operation)")
    }

    /// More keys or requests than one call may carry, summed over the tables (observed texts: 100 keys for
    /// BatchGetItem, 25 requests for BatchWriteItem).
    static func tooManyItems(_ operation: String) -> AWSServiceError {
        .validation("Too many items requested for the \(operation) call")
    }

    /// The same key twice in one table's keys (BatchGetItem) or requests (BatchWriteItem); observed.
    static let duplicateBatchKeys = AWSServiceError.validation("Provided list of item keys contains duplicates")

    /// A WriteRequest with neither or both of PutRequest and DeleteRequest: the service's union check, whose
    /// text names attribute values (observed for an empty WriteRequest; Unverified for one with both).
    static let writeRequestNotOneOperation = AWSServiceError.validation(
        "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")

    /// A PutRequest item missing a key attribute or with a key of another type: BatchWriteItem answers the
    /// key-schema text where PutItem names the attribute (observed, 2026).
    static let keyDoesNotMatchSchema = AWSServiceError.validation("The provided key element does not match the schema")
}
