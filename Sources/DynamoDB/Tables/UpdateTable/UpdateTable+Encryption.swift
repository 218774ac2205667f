import AWSProtocol

/// SSESpecification on UpdateTable: TableStatus stays ACTIVE while SSEDescription.Status shows UPDATING
/// (observed DynamoDB behaviour, 2026; AWS: "DynamoDB encryption at rest",
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html).
extension DynamoDBService {
    /// The KMS key ARN the table moves to (nil: back to the AWS-owned key), refusing changes that change nothing.
    func checkEncryption(_ request: UpdateTableRequest, _ table: Table, _ context: RequestContext)
        throws(AWSServiceError) -> String?
    {
        guard request.has(.encryption) else { return nil }
        let newKey = try TableInputs.sseKey(request.encryption, context) { managedKeyId(context) }
        if newKey == nil && table.sse == nil { throw DynamoDBError.alreadyEncryptedByDefault }
        // Only re-sending the exact key ARN is a refused no-op; {Enabled:true}, an alias, a key id or SSEType
        // alone re-encrypt with the same key and succeed (observed on AWS, 2026).
        if let newKey, newKey == table.sse?.kmsKeyArn, request.encryption?.string("KMSMasterKeyId") == newKey {
            throw DynamoDBError.alreadyEncryptedWithKey
        }
        return newKey
    }
}

extension TableUpdate {
    /// A key change still describes the old key while UPDATING; a return to the AWS-owned key shows the old
    /// description as UPDATING, then none.
    mutating func applyEncryption(newKey: String?) {
        let previousKey = table.sse?.kmsKeyArn
        if let newKey {
            table.sse = SSEState(kmsKeyArn: newKey, updatingUntil: until, previousKeyArn: previousKey)
        } else if let previousKey {
            table.sse = SSEState(kmsKeyArn: previousKey, updatingUntil: until, removedWhenSettled: true)
        }
        tableGoesUpdating = false
    }
}
