/// Enum value sets in the order the service prints them (observed), not the model order.
enum CoralEnums {
    static let keyType = [KeyType.hash, .range].map(\.rawValue)
    static let attributeType = ["B", "N", "S"]
    static let billingMode = [BillingMode.provisioned, .payPerRequest].map(\.rawValue)
    static let projectionType = [ProjectionType.all, .include, .keysOnly].map(\.rawValue)
    static let streamViewType = [StreamViewType.oldImage, .keysOnly, .newAndOldImages, .newImage].map(\.rawValue)
    static let sseType = [SSEType.aes256, .kms].map(\.rawValue)
    static let shardIteratorType = [
        ShardIteratorType.trimHorizon, .latest, .atSequenceNumber, .afterSequenceNumber,
    ].map(\.rawValue)
    /// DescribeStream's ShardFilter.Type (AWS: "ShardFilter"; `CHILD_SHARDS` is the only value).
    static let shardFilterType = ["CHILD_SHARDS"]
}
