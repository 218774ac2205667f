import AWSProtocol

/// DescribeLimits: the account and per-table capacity maximums from the settings
/// (defaults are AWS's 2026 answer, 80,000/80,000/40,000/40,000).
extension DynamoDBService {
    func describeLimits(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        [
            "AccountMaxReadCapacityUnits": .int64(settings.accountMaxReadCapacityUnits),
            "AccountMaxWriteCapacityUnits": .int64(settings.accountMaxWriteCapacityUnits),
            "TableMaxReadCapacityUnits": .int64(settings.tableMaxReadCapacityUnits),
            "TableMaxWriteCapacityUnits": .int64(settings.tableMaxWriteCapacityUnits),
        ]
    }
}
