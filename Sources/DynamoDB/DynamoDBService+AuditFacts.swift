/// What CloudTrail's data events need to know about a table beyond the request: its key attributes
/// (a PutItem record names the item's key, "Understanding DynamoDB log file entries") and its stream
/// (a stream-enabled table's data events name the stream too, "Logging data events"). Pure value.
public struct TableAuditFacts: Sendable, Equatable {
    /// The partition key's name, then the sort key's.
    public var keyAttributeNames: [String]
    /// The latest stream's ARN while the table's stream is enabled.
    public var streamArn: String?

    public init(keyAttributeNames: [String], streamArn: String?) {
        self.keyAttributeNames = keyAttributeNames
        self.streamArn = streamArn
    }
}

extension DynamoDBService {
    /// The facts of the named tables that exist in the account and region (any status); others are left out.
    public func auditFacts(tables names: [String], accountId: String, region: String) -> [String: TableAuditFacts] {
        let key = RegionKey(accountId: accountId, region: region)
        var facts: [String: TableAuditFacts] = [:]
        for name in names {
            guard let table = regions[key]?.tables[name] else { continue }
            let stream = table.streamSpecification?.enabled == true ? table.latestStreamArn : nil
            facts[name] = TableAuditFacts(keyAttributeNames: table.keySchema.map(\.name), streamArn: stream)
        }
        return facts
    }
}
