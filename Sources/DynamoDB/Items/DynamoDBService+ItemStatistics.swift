import AWSProtocol

/// The `ItemCount` and `TableSizeBytes` (and each index's `ItemCount` and `IndexSizeBytes`) that DescribeTable,
/// UpdateTable and DeleteTable show, from the table's items, refreshed as the settings say.
extension DynamoDBService {
    /// `description` (a TableDescription) with the table's item figures in place of zero.
    func withItemStatistics(_ description: JSONValue, of table: Table, _ context: RequestContext) -> JSONValue {
        guard case .object(var object) = description else { return description }
        let statistics = itemTables.statistics(
            of: table, now: context.now, refreshSeconds: settings.itemCountRefreshSeconds)
        object["TableSizeBytes"] = .int(statistics.sizeInBytes)
        object["ItemCount"] = .int(statistics.itemCount)
        for member in ["LocalSecondaryIndexes", "GlobalSecondaryIndexes"] {
            guard case .array(let indexes)? = object[member] else { continue }
            object[member] = .array(indexes.map { Self.withFigures($0, statistics.indexes) })
        }
        return .object(object)
    }

    private static func withFigures(_ index: JSONValue, _ figures: [String: IndexFigures]) -> JSONValue {
        guard case .object(var object) = index, let name = object["IndexName"]?.stringValue, let shown = figures[name] else {
            return index
        }
        object["IndexSizeBytes"] = .int(shown.sizeInBytes)
        object["ItemCount"] = .int(shown.itemCount)
        return .object(object)
    }
}
