import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The parameters Query and Scan share, after the checks DynamoDB makes before it looks the table up, in
/// its order: expression/legacy mixing, then (by operation) duplicates in `AttributesToGet`, the legacy
/// filter's values, the start key's values, then the expressions and `Select`.
struct ReadRequest {
    var indexName: String?
    var startKey: Item?
    var parsed = ParsedExpressions()
    var filter: Condition?
    var paths: [DocumentPath]?
    var selection = ReadSelection.allAttributes
    var limit: Int?
    var consistentRead: Bool
    var capacity: CapacityReport

    init(_ input: InputReader) {
        indexName = input.string("IndexName")
        limit = input.long("Limit").map { Int(clamping: $0) }
        consistentRead = input.bool("ConsistentRead") ?? false
        capacity = ItemReturnOptions.capacity(input)
    }

    /// `AttributesToGet` as paths, refusing a name listed twice.
    static func attributesToGet(_ input: InputReader) throws(ItemError) -> [DocumentPath]? {
        guard let names = input.strings("AttributesToGet") else { return nil }
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw .validation("One or more parameter values were invalid: Duplicate value in attribute name: \(name)")
        }
        return LegacyParameters.attributesToGet(names)
    }

    /// The legacy filter (`QueryFilter`/`ScanFilter` with `ConditionalOperator`), its values checked.
    static func legacyFilter(_ input: InputReader, _ member: String) throws(ItemError) -> Condition? {
        guard let wire = input.object[member], wire != .null else { return nil }
        return try LegacyParameters.conditions(wire, conditionalOperator: input.string("ConditionalOperator"))
    }

    /// The expressions of `kinds`, the filter and projection they give, then `Select`.
    mutating func parseExpressions(
        _ input: InputReader, kinds: [ExpressionKind], legacyFilter: Condition?, legacyPaths: [DocumentPath]?
    ) throws(ItemError) {
        parsed = try ItemExpressionMembers.parse(input, kinds: kinds)
        filter = parsed.filter ?? legacyFilter
        paths = parsed.projection ?? legacyPaths
        let projectionMember =
            input.has("ProjectionExpression") ? "ProjectionExpression" : input.has("AttributesToGet") ? "AttributesToGet" : nil
        selection = try ReadSelection.resolve(input.string("Select"), projectionMember: projectionMember, hasIndex: indexName != nil)
    }

    /// The read plan once the table is known: the target, its refusals, the capacity report.
    func plan(_ table: Table, now: Date) throws(ItemError) -> ReadPage.Plan {
        let target = try ReadTarget(table: table, indexName: indexName, now: now)
        try target.check(consistentRead: consistentRead, selection: selection, paths: paths)
        return ReadPage.Plan(
            target: target, selection: selection, paths: paths, filter: filter, limit: limit, consistentRead: consistentRead,
            capacity: capacity)
    }
}
