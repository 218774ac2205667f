/// SSESpecification.SSEType (raw values are the wire strings). DynamoDB refuses AES256 on request.
enum SSEType: String, Sendable, Equatable {
    case aes256 = "AES256"
    case kms = "KMS"
}
