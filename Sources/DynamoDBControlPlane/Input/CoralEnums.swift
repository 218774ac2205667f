/// Enum value sets in the order the service prints them (observed), not the model order.
enum CoralEnums {
    static let keyType = ["HASH", "RANGE"]
    static let attributeType = ["B", "N", "S"]
    static let billingMode = [BillingMode.provisioned, .payPerRequest].map(\.rawValue)
    static let projectionType = ["ALL", "INCLUDE", "KEYS_ONLY"]
    static let streamViewType = [StreamViewType.oldImage, .keysOnly, .newAndOldImages, .newImage].map(\.rawValue)
    static let sseType = ["AES256", "KMS"]
    static let shardIteratorType = ["TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"]
}
