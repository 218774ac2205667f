import AWSProtocol

/// DynamoDB Streams texts (DescribeStream, GetShardIterator, GetRecords).
extension ControlPlaneError {
    static func streamNotFound(_ arn: String) -> AWSServiceError {
        resourceNotFound("Requested resource not found: Stream: \(arn) not found")
    }
    static let invalidStreamArn = AWSServiceError.validation("Invalid StreamArn")
    /// Unverified texts for shard iterators.
    static func shardNotFound(_ shardId: String, _ arn: String) -> AWSServiceError {
        resourceNotFound("Requested resource not found: Shard: \(shardId) in Stream: \(arn) not found")
    }
    static let invalidShardIterator = AWSServiceError.validation("Invalid ShardIterator")
    static let sequenceNumberRequired = AWSServiceError.validation(
        "Sequence number must be provided when iterator type is AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER")
}
