import AWSProtocol

/// Reads of secondary indexes that are not readable now, and the item-collection limit of tables with local
/// secondary indexes.
extension DynamoDBError {
    /// Query or Scan on a global secondary index still CREATING (observed DynamoDB text, quoted in users' code
    /// and READMEs: "ValidationException: Cannot read from backfilling global secondary index: key-index").
    /// Unverified: that the resource-allocation phase before backfilling answers the same.
    static func readFromBackfillingIndex(_ index: String) -> AWSServiceError {
        .validation("Cannot read from backfilling global secondary index: \(index)")
    }

    /// Query or Scan naming an index the table does not have (observed DynamoDB text). Unverified: that an index
    /// being deleted answers the same.
    static func indexToReadNotFound(_ index: String) -> AWSServiceError {
        .validation("The table does not have the specified index: \(index)")
    }

    /// A write that would grow an item collection of a table with local secondary indexes beyond its limit
    /// (10 GB): the message "Collection size exceeded." is AWS's ("Error handling with DynamoDB", Amazon
    /// DynamoDB Developer Guide, https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html).
    static let itemCollectionSizeLimitExceeded = service("ItemCollectionSizeLimitExceededException", "Collection size exceeded.")
}
