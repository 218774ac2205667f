/// The AWS-managed KMS key DynamoDB encrypts with when a table asks for KMS without naming a key.
extension DynamoDBService {
    /// The account's AWS-managed KMS key id (`alias/aws/dynamodb`) for this region, minted on first use.
    func managedKeyId(_ context: RequestContext) -> String {
        if let id = regions[context.key]?.awsManagedKeyId { return id }
        let id = random.uuid()
        regions[context.key, default: RegionState()].awsManagedKeyId = id
        return id
    }
}
