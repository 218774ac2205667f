import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Query: the items of one partition of a table or secondary index whose sort key satisfies the key
/// condition, in sort-key order either way, a page at a time ("Query", Amazon DynamoDB API Reference).
/// The store is ordered per partition and per index, so a Query costs what it reads, not the table's size.
extension DynamoDBService {
    func query(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        let reference = try Self.queryConstraints(input, &validator, context)
        if let error = validator.error { throw error }
        let request = try Self.itemStep { () throws(ItemError) in try QueryRequest(input) }
        guard let reference else { throw DynamoDBError.missingParameter("TableName") }
        let table: Table
        do { table = try itemTable(reference, context) } catch {
            try Self.itemStep { () throws(ItemError) in
                try KeyQuery.checkConditionCount(request.keyConditionCount, multiAttribute: false)
            }
            throw error
        }
        let (plan, keyQuery, after) = try Self.itemStep { () throws(ItemError) in try request.resolve(table, now: context.now) }
        let store = itemTables.indexedStore(of: table)
        let page = ReadPage.read(plan) { body in
            store?.query(
                partition: keyQuery.partition, sort: keyQuery.sort, ascending: request.ascending, after: after,
                index: plan.target.index?.name, body)
        }
        return page.json(plan, tableName: reference.shown)
    }
}

/// Query's parameters after the checks DynamoDB makes before it looks the table up, in its order.
struct QueryRequest {
    var read: ReadRequest
    var ascending: Bool
    /// The legacy `KeyConditions` (when no KeyConditionExpression was sent).
    var keyConditions: JSONValue?
    /// The key attributes the key condition names (more than two only for a multi-attribute index key).
    var keyConditionCount = 0

    init(_ input: InputReader) throws(ItemError) {
        read = ReadRequest(input)
        ascending = input.bool("ScanIndexForward") ?? true
        try LegacyParameters.checkNotMixed(
            present: DynamoDBService.presentMembers(input),
            expressions: ["ProjectionExpression", "FilterExpression", "KeyConditionExpression"],
            legacy: ["AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"])
        try ItemExpressionMembers.checkConditionalOperator(input, filter: "QueryFilter")
        let legacyFilter = try ReadRequest.legacyFilter(input, "QueryFilter")
        let legacyPaths = try ReadRequest.attributesToGet(input)
        read.startKey = try StartKey.decode(input)
        let hasExpression = input.has("KeyConditionExpression")
        guard hasExpression || input.has("KeyConditions") else {
            throw .validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")
        }
        try read.parseExpressions(
            input, kinds: [.keyCondition, .filter, .projection], legacyFilter: legacyFilter, legacyPaths: legacyPaths)
        if let keyCondition = read.parsed.keyCondition {
            try KeyQuery.checkShape(keyCondition)
            keyConditionCount = KeyQuery.conditionCount(keyCondition)
        } else if !hasExpression, let wire = input.object["KeyConditions"] {
            _ = try LegacyParameters.conditions(wire)
            keyConditionCount = wire.objectValue?.members.filter { $0.value != .null }.count ?? 0
            try KeyQuery.checkConditionCount(keyConditionCount)
            keyConditions = wire
        }
    }

    /// The plan, key query and resume position once the table is known, in DynamoDB's order: the index,
    /// its refusals, the start key's shape, the key condition against the key schema, the start key's place,
    /// then the filter's and projection's key attributes.
    func resolve(_ table: Table, now: Date) throws(ItemError) -> (ReadPage.Plan, KeyQuery, ReadPosition?) {
        var plan = try read.plan(table, now: now)
        let target = plan.target
        if let startKey = read.startKey { try StartKey.checkShape(startKey, target) }
        let keyQuery: KeyQuery
        if let keyCondition = read.parsed.keyCondition {
            try KeyQuery.checkConditionCount(keyConditionCount, multiAttribute: target.keySchema.isMultiAttribute)
            keyQuery = try KeyQuery(keyCondition, schema: target.keySchema)
        } else {
            try KeyQuery.checkConditionCount(keyConditionCount, multiAttribute: target.keySchema.isMultiAttribute)
            keyQuery = try KeyQuery(keyConditions: keyConditions ?? .object(JSONObject()), schema: target.keySchema)
        }
        plan.resumable = !Self.returnsOneRowAtMost(keyQuery, target)
        var after: ReadPosition?
        if let startKey = read.startKey {
            let position = try StartKey.position(startKey, target)
            guard plan.resumable else { throw .validation("The query can return at most one row and cannot be restarted") }
            try StartKey.checkBounds(position, keyQuery)
            after = position
        }
        if let filter = read.filter {
            let keyNames = Set(target.keySchema.names)
            let usesExpression = read.parsed.filter != nil
            for path in filter.documentPaths where keyNames.contains(path.topLevelName) {
                let member = usesExpression ? "Filter Expression" : "QueryFilter"
                throw .validation("\(member) can only contain non-primary key attributes: Primary key attribute: \(path.topLevelName)")
            }
        }
        try DynamoDBService.checkScalarKeyPaths((read.filter?.documentPaths ?? []) + (read.paths ?? []), in: table)
        return (plan, keyQuery, after)
    }

    /// A Query of a table naming its whole primary key (a hash-only table, or `=` on the sort key) reads one
    /// item at most: it answers no LastEvaluatedKey and refuses a start key (observed: DynamoDB's text for
    /// restarting it, recorded by the dynalite emulator's tests).
    static func returnsOneRowAtMost(_ keyQuery: KeyQuery, _ target: ReadTarget) -> Bool {
        guard target.index == nil else { return false }
        if target.keySchema.sort == nil { return true }
        if case .equal = keyQuery.sort { return true }
        return false
    }
}
