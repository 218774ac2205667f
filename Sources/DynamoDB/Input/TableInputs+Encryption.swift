import AWSProtocol

/// SSESpecification: which KMS key a table is encrypted with (AWS: "DynamoDB encryption at rest",
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html).
extension TableInputs {
    /// SSESpecification → the KMS key ARN to describe, or nil for the AWS-owned default key.
    static func sseKey(_ spec: InputReader?, _ context: RequestContext, managedKeyId: () -> String)
        throws(AWSServiceError) -> String?
    {
        guard let spec else { return nil }
        let enabled = spec.bool("Enabled")
        let type = spec.string("SSEType")
        let keyId = spec.string("KMSMasterKeyId")
        if enabled == false {
            if type != nil { throw DynamoDBError.sseTypeWithoutEnabled }
            if keyId != nil { throw DynamoDBError.kmsKeyWithoutEnabled }
            return nil
        }
        if type == SSEType.aes256.rawValue { throw DynamoDBError.aes256NotSupported }
        if keyId != nil && type != SSEType.kms.rawValue { throw DynamoDBError.kmsKeyNeedsKMSType }
        guard enabled == true || type == SSEType.kms.rawValue else { return nil }
        func managedKeyArn() -> String { "arn:aws:kms:\(context.region):\(context.accountId):key/\(managedKeyId())" }
        guard let keyId else { return managedKeyArn() }
        // KMSMasterKeyArn is always the ARN of a key, never of an alias: AWS resolves aliases. The AWS-managed
        // alias names the region's managed key (the default key); any other alias resolves to a stable made-up
        // key id (Unverified: there is no KMS here to resolve it).
        let aliasArn =
            keyId.hasPrefix("alias/")
            ? "arn:aws:kms:\(context.region):\(context.accountId):\(keyId)"
            : (keyId.hasPrefix("arn:") && keyId.contains(":alias/") ? keyId : nil)
        if let aliasArn, let cut = aliasArn.firstByteRange(of: "alias/") {
            if aliasArn == "arn:aws:kms:\(context.region):\(context.accountId):alias/aws/dynamodb" { return managedKeyArn() }
            return aliasArn[..<cut.lowerBound] + "key/" + ReservedCapacityOffering.stableId(aliasArn)
        }
        if keyId.hasPrefix("arn:") { return keyId }
        return "arn:aws:kms:\(context.region):\(context.accountId):key/\(keyId)"
    }
}
