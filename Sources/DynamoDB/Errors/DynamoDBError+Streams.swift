import AWSProtocol

/// DynamoDB Streams texts (DescribeStream, GetShardIterator, GetRecords).
extension DynamoDBError {
    static func streamNotFound(_ arn: String) -> AWSServiceError {
        resourceNotFound("Requested resource not found: Stream: \(arn) not found")
    }
    static let invalidStreamArn = AWSServiceError.validation("Invalid StreamArn")
    /// GetShardIterator for a shard the stream does not have: AWS names neither the shard nor the stream (seen
    /// in AWS SDK error reports, e.g. amazon-archives/logstash-input-dynamodb#4 and ironSource/node-dynamodb-stream#16).
    static let shardNotFound = resourceNotFound("Requested resource not found: Shard does not exist")
    /// Unverified: the texts for a malformed iterator and a missing sequence number.
    static let invalidShardIterator = AWSServiceError.validation("Invalid ShardIterator")
    static let sequenceNumberRequired = AWSServiceError.validation(
        "Sequence number must be provided when iterator type is AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER")
}
