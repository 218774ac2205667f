import AWSProtocol

/// GetRecords: always `{"Records":[]}` plus the next iterator while the shard is open.
extension DynamoDBService {
    func getRecords(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        guard let iterator = input.string("ShardIterator") else {
            throw DynamoDBError.missingParameter("ShardIterator")
        }
        var validator = CoralValidator()
        validator.length(iterator, at: "shardIterator", min: 1, max: 2048)
        if let limit = input.long("Limit") { validator.range(limit, at: "limit", min: 1, max: 1000) }
        if let error = validator.error { throw error }
        let parts = iterator.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, Self.isWellFormedStreamArn(parts[0]) else { throw DynamoDBError.invalidShardIterator }
        guard let record = streamRecord(parts[0], context) else { throw DynamoDBError.streamNotFound(parts[0]) }
        var object = JSONObject()
        object.append("Records", .array([]))
        if record.status(at: context.now) != .disabled {
            object.append(
                "NextShardIterator", .string(Self.shardIterator(arn: record.arn, shardId: parts[2], random: random)))
        }
        return .object(object)
    }
}
