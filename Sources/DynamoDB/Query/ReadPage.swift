import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// One page of a Query or Scan, read by DynamoDB's rules ("Query" and "Scan", Amazon DynamoDB Developer
/// Guide): items are read in key order until `Limit` items were read or 1 MB of data was read (both
/// counted before the filter), then filtered (`Count` after, `ScannedCount` before) and projected;
/// `LastEvaluatedKey` names the last item read when the page stopped early.
struct ReadPage {
    /// "The result set for a Query is limited to 1 MB per call."
    static let maximumBytes = 1_048_576

    var items: [Item] = []
    var count = 0
    var scannedCount = 0
    /// Where the page stopped early (`LastEvaluatedKey`).
    var lastPosition: ReadPosition?
    /// Summed sizes of the index entries (or table items) read: the page limit and the read units.
    var bytesRead = 0
    /// Read units of the items fetched from the table for a local secondary index, each rounded on its own.
    var tableFetchUnits = 0.0
    /// What the 1 MB page counts: `bytesRead` plus, on a local secondary index, the whole items fetched from the
    /// table for attributes the index does not project (Unverified: that AWS counts both toward the page).
    var pageBytes = 0

    /// What to read and return, shared by Query and Scan.
    struct Plan {
        var target: ReadTarget
        var selection: ReadSelection
        var paths: [DocumentPath]?
        var filter: Condition?
        var limit: Int?
        var consistentRead: Bool
        var capacity: CapacityReport
        /// False for a Query that can return at most one row (a table's whole primary key): no `LastEvaluatedKey`.
        var resumable = true

        var consistency: CapacityUnits.ReadConsistency { consistentRead ? .strong : .eventual }
    }

    /// Reads one page with `walk`, which calls its body with each item in order until the body returns false.
    static func read(_ plan: Plan, _ walk: ((Item, ReadPosition) -> Bool) -> Void) -> ReadPage {
        var page = ReadPage()
        let fetches = plan.target.fetchesFromTable(plan.selection, paths: plan.paths)
        let filterFetches = plan.target.fetchesFromTable(.specificAttributes, paths: plan.filter?.documentPaths)
        let filtersWholeItem = !plan.target.isGlobalIndex
        walk { item, position in
            let entry = plan.target.entry(of: item)
            let entryBytes = AttributeValue.size(of: entry)
            page.scannedCount += 1
            page.bytesRead += entryBytes
            page.pageBytes += entryBytes
            if filterFetches { page.noteTableFetch(of: item, plan) }
            if plan.filter?.isSatisfied(by: filtersWholeItem ? item : entry) ?? true {
                page.count += 1
                if plan.selection != .count {
                    if fetches, !filterFetches { page.noteTableFetch(of: item, plan) }
                    let source = fetches ? item : entry
                    page.items.append(plan.paths.map { DynamoDBExpressions.Projection.apply($0, to: source) } ?? source)
                }
            }
            if page.scannedCount == plan.limit || page.pageBytes >= maximumBytes {
                if plan.resumable { page.lastPosition = position }
                return false
            }
            return true
        }
        return page
    }

    /// One item fetched from the table for a local secondary index read: charged to the table, counted in the page.
    private mutating func noteTableFetch(of item: Item, _ plan: Plan) {
        let bytes = AttributeValue.size(of: item)
        tableFetchUnits += CapacityUnits.read(bytes: bytes, consistency: plan.consistency)
        pageBytes += bytes
    }

    /// The answer: `Items` (unless COUNT), `Count`, `ScannedCount`, `LastEvaluatedKey`, `ConsumedCapacity`.
    func json(_ plan: Plan, tableName: String) -> JSONValue {
        var answer = JSONObject()
        if plan.selection != .count { answer.append("Items", .array(items.map(AttributeValue.wire))) }
        answer.append("Count", .int(count))
        answer.append("ScannedCount", .int(scannedCount))
        if let lastPosition { answer.append("LastEvaluatedKey", AttributeValue.wire(plan.target.lastEvaluatedKey(lastPosition))) }
        if let capacity = consumedCapacity(plan, tableName: tableName).json(plan.capacity) { answer.append("ConsumedCapacity", capacity) }
        return .object(answer)
    }

    /// Read units by "Read consumption for Query" and "for Scan" (Amazon DynamoDB Developer Guide): the
    /// summed size of what was read, rounded up to 4 KB, halved for eventually consistent reads; charged to
    /// the index read (and to the table for items fetched from it).
    func consumedCapacity(_ plan: Plan, tableName: String) -> ConsumedCapacity {
        let units = CapacityUnits.read(bytes: bytesRead, consistency: plan.consistency)
        guard let index = plan.target.index else { return ConsumedCapacity(tableName: tableName, table: units) }
        var consumed = ConsumedCapacity(tableName: tableName, table: tableFetchUnits)
        if index.isGlobal {
            consumed.globalIndexes.append((index.name, units))
        } else {
            consumed.localIndexes.append((index.name, units))
        }
        return consumed
    }
}
