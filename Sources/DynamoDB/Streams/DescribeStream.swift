import AWSProtocol

/// DescribeStream: status ENABLING→ENABLED, DISABLING→DISABLED, one shard per stream (closed once disabled).
extension DynamoDBService {
    func describeStream(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        guard let arn = input.string("StreamArn") else { throw DynamoDBError.missingParameter("StreamArn") }
        let limit = input.long("Limit")
        let startShard = input.string("ExclusiveStartShardId")
        let filter = input.reader("ShardFilter")
        var validator = CoralValidator()
        Self.checkStreamArn(arn, at: "streamArn", &validator)
        if let limit { validator.range(limit, at: "limit", min: 1) }
        if let startShard { validator.length(startShard, at: "exclusiveStartShardId", min: 28, max: 65) }
        if let filter { Self.validateShardFilter(filter, &validator) }
        if let error = validator.error { throw error }
        guard Self.isWellFormedStreamArn(arn) else { throw DynamoDBError.invalidStreamArn }
        guard let record = streamRecord(arn, context) else { throw DynamoDBError.streamNotFound(arn) }

        let status = record.status(at: context.now)
        var shards: [JSONValue] = []
        // A CHILD_SHARDS filter lists the children of the named shard. Each stream here has a single shard that
        // never splits, so a filtered call lists none (AWS: "ShardFilter", API_streams_ShardFilter.html).
        if startShard == nil && filter == nil {
            var range = JSONObject()
            range.append("StartingSequenceNumber", .string(record.startingSequenceNumber))
            if status == .disabled { range.append("EndingSequenceNumber", .string(record.startingSequenceNumber)) }
            shards.append(["ShardId": .string(record.shardId), "SequenceNumberRange": .object(range)])
        }
        var description = JSONObject()
        description.append("StreamArn", .string(record.arn))
        description.append("StreamLabel", .string(record.label))
        description.append("StreamStatus", .string(status.rawValue))
        description.append("StreamViewType", .string(record.viewType.rawValue))
        description.append("CreationRequestDateTime", .epochSeconds(record.createdAt))
        description.append("TableName", .string(record.tableName))
        description.append("KeySchema", .array(record.keySchema.map(\.keySchemaJSON)))
        description.append("Shards", .array(shards))
        return ["StreamDescription": .object(description)]
    }

    /// ShardFilter's Coral constraints (AWS: "ShardFilter", ShardId length 28..65, Type `CHILD_SHARDS`). Both
    /// members are optional in the model. Unverified: the texts AWS gives a filter that lacks one of them.
    static func validateShardFilter(_ filter: InputReader, _ validator: inout CoralValidator) {
        if let type = filter.string("Type") { validator.enumValue(type, at: "shardFilter.type", CoralEnums.shardFilterType) }
        if let shardId = filter.string("ShardId") { validator.length(shardId, at: "shardFilter.shardId", min: 28, max: 65) }
    }
}
