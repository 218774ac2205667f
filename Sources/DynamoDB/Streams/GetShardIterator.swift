import AWSProtocol

/// GetShardIterator: an opaque iterator for the stream's shard. DynamoTrail keeps no stream records,
/// so every iterator reads an empty shard.
extension DynamoDBService {
    func getShardIterator(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        guard let arn = input.string("StreamArn") else { throw DynamoDBError.missingParameter("StreamArn") }
        guard let shardId = input.string("ShardId") else { throw DynamoDBError.missingParameter("ShardId") }
        guard let type = input.string("ShardIteratorType") else {
            throw DynamoDBError.missingParameter("ShardIteratorType")
        }
        var validator = CoralValidator()
        Self.checkStreamArn(arn, at: "streamArn", &validator)
        validator.length(shardId, at: "shardId", min: 28, max: 65)
        validator.enumValue(type, at: "shardIteratorType", CoralEnums.shardIteratorType)
        if let sequence = input.string("SequenceNumber") { validator.length(sequence, at: "sequenceNumber", min: 21, max: 40) }
        if let error = validator.error { throw error }
        guard Self.isWellFormedStreamArn(arn) else { throw DynamoDBError.invalidStreamArn }
        if ShardIteratorType(rawValue: type)?.needsSequenceNumber == true && !input.has("SequenceNumber") {
            throw DynamoDBError.sequenceNumberRequired
        }
        guard let record = streamRecord(arn, context) else { throw DynamoDBError.streamNotFound(arn) }
        guard record.shardId == shardId else { throw DynamoDBError.shardNotFound }
        return ["ShardIterator": .string(Self.shardIterator(arn: arn, shardId: shardId, random: random))]
    }
}
