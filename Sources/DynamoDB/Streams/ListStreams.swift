import AWSProtocol

/// ListStreams: streams of the region (or of one table), grouped by table name in byte-wise order,
/// newest first within a table; DISABLED streams stay listed for 24 h.
extension DynamoDBService {
    func listStreams(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        let tableName = input.string("TableName")
        let limit = input.long("Limit")
        let start = input.string("ExclusiveStartStreamArn")
        var validator = CoralValidator()
        if let tableName { validator.name(tableName, at: "tableName") }
        if let limit { validator.range(limit, at: "limit", min: 1, max: 100) }
        if let start { Self.checkStreamArn(start, at: "exclusiveStartStreamArn", &validator) }
        if let error = validator.error { throw error }
        // Unverified: the malformed-ARN text on ListStreams was not captured; DescribeStream's is used.
        if let start, !Self.isWellFormedStreamArn(start) { throw DynamoDBError.invalidStreamArn }

        let now = context.now
        var streams = (regions[context.key]?.streams ?? []).filter { !$0.expired(at: now) }
        if let tableName { streams = streams.filter { $0.tableName == tableName } }
        streams.sort { a, b in
            if a.tableName != b.tableName { return RegionState.less(a.tableName, b.tableName) }
            return a.createdAt > b.createdAt
        }
        var from = 0
        if let start {
            // Unverified: an unknown start ARN yields an empty page.
            from = (streams.firstIndex { $0.arn == start }).map { $0 + 1 } ?? streams.count
        }
        let pageSize = Int(limit ?? 100)
        let page = streams[from..<min(from + pageSize, streams.count)]
        var object = JSONObject()
        object.append(
            "Streams",
            .array(
                page.map {
                    ["StreamArn": .string($0.arn), "TableName": .string($0.tableName), "StreamLabel": .string($0.label)]
                }))
        // Our proposal (Unverified on AWS whether a page ending exactly at the last stream carries it): present
        // whenever the page is full.
        if page.count == pageSize, let last = page.last { object.append("LastEvaluatedStreamArn", .string(last.arn)) }
        return .object(object)
    }
}
