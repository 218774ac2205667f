import AWSProtocol

/// ListTables: byte-wise order, Limit 1–100 (default 100), `LastEvaluatedTableName` only when more
/// names follow. Binary search in the sorted name list keeps each call O(log n + page).
extension DynamoDBService {
    func listTables(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        let start = input.string("ExclusiveStartTableName")
        let limit = input.long("Limit")
        var validator = CoralValidator()
        if let start {
            validator.namePattern(start, at: "exclusiveStartTableName")
            validator.length(start, at: "exclusiveStartTableName", min: 3, max: 255)
        }
        if let limit { validator.range(limit, at: "limit", min: 1, max: 100) }
        if let error = validator.error { throw error }
        let pageSize = Int(limit ?? 100)
        return try withRegion(context) { (state: inout RegionState) -> JSONValue in
            var from = 0
            if let start {
                from = state.insertionPoint(start)
                if from < state.sortedNames.count && state.sortedNames[from] == start { from += 1 }
            }
            let end = min(from + pageSize, state.sortedNames.count)
            let page = Array(state.sortedNames[from..<end])
            var object = JSONObject()
            object.append("TableNames", .array(page.map { .string($0) }))
            if end < state.sortedNames.count, let last = page.last {
                object.append("LastEvaluatedTableName", .string(last))
            }
            return .object(object)
        }
    }
}
