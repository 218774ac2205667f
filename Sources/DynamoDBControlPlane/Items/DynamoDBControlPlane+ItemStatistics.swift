import AWSProtocol

/// DescribeTable's `ItemCount` and `TableSizeBytes` from the table's items, refreshed as the settings say.
extension DynamoDBControlPlane {
    /// `description` (a TableDescription) with the table's item figures in place of zero.
    func withItemStatistics(_ description: JSONValue, of table: Table, _ context: RequestContext) -> JSONValue {
        guard case .object(var object) = description else { return description }
        let statistics = itemTables.statistics(
            of: table, now: context.now, refreshSeconds: settings.itemCountRefreshSeconds)
        object["TableSizeBytes"] = .int(statistics.sizeInBytes)
        object["ItemCount"] = .int(statistics.itemCount)
        return .object(object)
    }
}
