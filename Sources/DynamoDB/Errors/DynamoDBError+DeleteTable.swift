import AWSProtocol

/// DeleteTable's texts (observed on DynamoDB, 2026).
extension DynamoDBError {
    static let deletionProtected = AWSServiceError.validation(
        "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.")
    static let deleteWhileIndexesChange = resourceInUse(
        inUse + "Cannot delete table while indexes are being created, updated, or deleted.")
    static let deleteWhileStreamToggles = resourceInUse(
        inUse + "Cannot delete table while stream is being enabled/disabled.")
}
