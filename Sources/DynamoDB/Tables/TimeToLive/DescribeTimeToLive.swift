import AWSProtocol

/// DescribeTimeToLive: `DISABLED` until UpdateTimeToLive enables it, then `ENABLED` with the attribute.
extension DynamoDBService {
    func describeTimeToLive(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        let reference = try Self.tableReference(input, &validator, context)
        if let error = validator.error { throw error }
        let table = try existingTable(reference, context)
        let status = table.status(at: context.now)
        if status == .creating || status == .deleting { throw DynamoDBError.ttlDescribeWhile(status.rawValue) }
        var description = JSONObject()
        if let ttl = table.ttl, ttl.enabled {
            description.append("TimeToLiveStatus", .string("ENABLED"))
            description.append("AttributeName", .string(ttl.attribute))
        } else {
            description.append("TimeToLiveStatus", .string("DISABLED"))
        }
        return ["TimeToLiveDescription": .object(description)]
    }
}
