import AWSProtocol

/// Tag texts (CreateTable's Tags, TagResource, UntagResource, ListTagsOfResource) and the ResourceArn texts of
/// the tag operations. Observed on DynamoDB (2026) unless a comment says Unverified.
extension DynamoDBError {
    static let tagKeyNull = AWSServiceError.validation("The Tag Key provided is invalid, Key: null")
    static let tagValueNull = AWSServiceError.validation("The Tag Value provided is invalid, Value: null")
    /// Unverified: length violations reuse the null-key wording with the key shown.
    static func tagKeyInvalid(_ key: String) -> AWSServiceError {
        .validation("The Tag Key provided is invalid, Key: \(key)")
    }
    static func tagValueInvalid(_ value: String) -> AWSServiceError {
        .validation("The Tag Value provided is invalid, Value: \(value)")
    }
    static func tagKeyAwsPrefix(_ key: String) -> AWSServiceError {
        .validation("Tag Key cannot be prefixed with aws:, Key: \(key)")
    }
    static func duplicateTagKey(_ key: String) -> AWSServiceError {
        .validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found \(key)")
    }
    static let tooManyTags = AWSServiceError.validation("Number of Tags exceed the current limit for the provided ResourceArn")

    /// Observed on AWS in 2026 (dynalite-era captures spell it "ResourcArn"; AWS has since fixed the typo).
    static func resourceArnNotFound(_ arn: String) -> AWSServiceError {
        resourceNotFound("Requested resource not found: ResourceArn: \(arn) not found")
    }
    /// Empty TagResource / UntagResource lists (observed on AWS, 2026; CreateTable accepts Tags=[]).
    static let noTags = AWSServiceError.validation("Atleast one Tag needs to be provided as Input.")
    static let noTagKeys = AWSServiceError.validation("Atleast one Tag Key needs to be provided as Input.")
    /// A ResourceArn that is not an ARN at all, e.g. a bare table name (observed on AWS, 2026).
    static func resourceArnNotAnArn(_ value: String) -> AWSServiceError {
        invalidParameter("ARNs must start with 'arn:': \(value)")
    }
    /// Tag APIs: an ARN of another service, and a DynamoDB ARN that names neither a table nor a stream
    /// (e.g. an index) (observed on AWS, 2026).
    static func notDynamoDBArn(_ arn: String) -> AWSServiceError {
        invalidParameter("Provided Arn is not a DynamoDB resource arn: \(arn)")
    }
    static func onlyTableOrStreamArn(_ arn: String) -> AWSServiceError {
        invalidParameter("Invalid resource arn provided, only table or stream is accepted. Provided resource arn: \(arn)")
    }
    /// Tag APIs given another region's table ARN (observed on AWS, 2026).
    static func invalidResourceArn(_ arn: String) -> AWSServiceError {
        .validation("Invalid TableArn: Invalid ResourceArn provided as input \(arn)")
    }
}
