import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Scan: every item of a table or secondary index in partition-hash order, a page at a time, optionally
/// one segment of a parallel scan ("Scan", Amazon DynamoDB API Reference; "Parallel scan", Developer Guide).
extension DynamoDBService {
    func scan(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        let reference = try Self.scanConstraints(input, &validator, context)
        if let error = validator.error { throw error }
        let request = try Self.itemStep { () throws(ItemError) in try ScanRequest(input) }
        guard let reference else { throw DynamoDBError.missingParameter("TableName") }
        let table = try itemTable(reference, context)
        let (plan, after) = try Self.itemStep { () throws(ItemError) in try request.resolve(table, now: context.now) }
        let store = itemTables.indexedStore(of: table)
        let page = ReadPage.read(plan) { body in
            store?.scan(segment: request.segment, of: request.totalSegments, after: after, index: plan.target.index?.name, body)
        }
        return page.json(plan, tableName: reference.shown)
    }
}

/// Scan's parameters after the checks DynamoDB makes before it looks the table up, in its order.
struct ScanRequest {
    var read: ReadRequest
    var segment = 0
    var totalSegments = 1

    init(_ input: InputReader) throws(ItemError) {
        read = ReadRequest(input)
        try LegacyParameters.checkNotMixed(
            present: DynamoDBService.presentMembers(input), expressions: ["ProjectionExpression", "FilterExpression"],
            legacy: ["AttributesToGet", "ScanFilter", "ConditionalOperator"])
        try ItemExpressionMembers.checkConditionalOperator(input, filter: "ScanFilter")
        let legacyPaths = try ReadRequest.attributesToGet(input)
        let legacyFilter = try ReadRequest.legacyFilter(input, "ScanFilter")
        read.startKey = try StartKey.decode(input)
        try readSegments(input)
        try read.parseExpressions(input, kinds: [.filter, .projection], legacyFilter: legacyFilter, legacyPaths: legacyPaths)
    }

    /// `Segment` and `TotalSegments` go together, the segment below the total (texts as DynamoDB answers them).
    private mutating func readSegments(_ input: InputReader) throws(ItemError) {
        let sentSegment = input.long("Segment")
        let sentTotal = input.long("TotalSegments")
        switch (sentSegment, sentTotal) {
        case (nil, nil): return
        case (_?, nil):
            throw .validation(
                "The TotalSegments parameter is required but was not present in the request when Segment parameter is present")
        case (nil, _?):
            throw .validation(
                "The Segment parameter is required but was not present in the request when parameter TotalSegments is present")
        case (let segment?, let total?):
            guard segment < total else {
                throw .validation(
                    "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: \(segment) "
                        + "is not less than TotalSegments: \(total)")
            }
            self.segment = Int(segment)
            totalSegments = Int(total)
        }
    }

    /// The plan and resume position once the table is known.
    func resolve(_ table: Table, now: Date) throws(ItemError) -> (ReadPage.Plan, ReadPosition?) {
        let plan = try read.plan(table, now: now)
        var after: ReadPosition?
        if let startKey = read.startKey {
            try StartKey.checkShape(startKey, plan.target)
            let position = try StartKey.position(startKey, plan.target)
            try StartKey.checkSegment(position, segment: segment, of: totalSegments)
            after = position
        }
        try DynamoDBService.checkScalarKeyPaths((read.filter?.documentPaths ?? []) + (read.paths ?? []), in: table)
        return (plan, after)
    }
}
