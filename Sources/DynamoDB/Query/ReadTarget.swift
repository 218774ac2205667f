import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a Query or Scan reads: a table, or one of its secondary indexes, with the attributes an index
/// entry carries ("Improving data access with secondary indexes", Amazon DynamoDB Developer Guide).
struct ReadTarget: Sendable {
    var table: Table
    var index: SecondaryIndex?

    var tableSchema: KeySchema { table.itemKeySchema }
    /// The key the read is ordered by: the index's, or the table's.
    var keySchema: KeySchema { index?.schema ?? tableSchema }
    var isGlobalIndex: Bool { index?.isGlobal ?? false }

    /// The table, or the index named `indexName` (`The table does not have the specified index: NAME`, and
    /// while a global secondary index added by UpdateTable is being filled `Cannot read from backfilling
    /// global secondary index: NAME`, as DynamoDB answers them). A global index being deleted (DELETING) is
    /// answered as one the table does not have (Unverified: no AWS text for it was found).
    init(table: Table, indexName: String?, now: Date) throws(ItemError) {
        self.table = table
        guard let indexName else { return }
        let missing = ItemError.validation("The table does not have the specified index: \(indexName)")
        guard let index = table.secondaryIndexes.first(where: { $0.name == indexName }) else { throw missing }
        switch table.globalIndexes.first(where: { $0.name == indexName })?.status(at: now) {
        case .creating: throw .validation("Cannot read from backfilling global secondary index: \(indexName)")
        case .deleting: throw missing
        case .active, .updating, nil: break
        }
        self.index = index
    }

    /// Top-level attributes an index entry holds; nil when it holds the whole item (a table, or ALL).
    var projectedNames: Set<String>? {
        guard let index, index.projection.type != .all else { return nil }
        var names = Set(tableSchema.names + index.schema.names)
        if index.projection.type == .include { names.formUnion(index.projection.nonKeyAttributes ?? []) }
        return names
    }

    /// The refusals that depend on the index: strongly consistent reads and attributes a global secondary
    /// index does not hold (texts as DynamoDB answers them; the projection one as DynamoDB Local answers it,
    /// Unverified on DynamoDB).
    func check(consistentRead: Bool, selection: ReadSelection, paths: [DocumentPath]?) throws(ItemError) {
        guard let index, index.isGlobal else { return }
        if consistentRead { throw .validation("Consistent reads are not supported on global secondary indexes") }
        guard let projected = projectedNames else { return }
        if selection == .allAttributes {
            throw .validation(
                "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index "
                    + "\(index.name) because its projection type is not ALL")
        }
        var missing: [String] = []
        for path in paths ?? [] where !projected.contains(path.topLevelName) && !missing.contains(path.topLevelName) {
            missing.append(path.topLevelName)
        }
        if !missing.isEmpty {
            throw .validation(
                "One or more parameter values were invalid: Global secondary index \(index.name) does not project "
                    + "[\(missing.joined(separator: ", "))]")
        }
    }

    /// The index entry of `item` (the item itself on a table or an ALL index).
    func entry(of item: Item) -> Item {
        guard let index else { return item }
        return index.entry(of: item, tableSchema: tableSchema) ?? item
    }

    /// True when answering `selection` (or filtering on `paths`) needs attributes the index entry lacks, so
    /// each item is fetched from the table (local secondary indexes only: "Local secondary indexes" >
    /// Attribute projections, Amazon DynamoDB Developer Guide; each fetch costs a read of the whole item).
    func fetchesFromTable(_ selection: ReadSelection, paths: [DocumentPath]?) -> Bool {
        guard !isGlobalIndex, let projected = projectedNames else { return false }
        switch selection {
        case .allAttributes: return true
        case .specificAttributes: return (paths ?? []).contains { !projected.contains($0.topLevelName) }
        case .allProjectedAttributes, .count: return false
        }
    }

    /// `LastEvaluatedKey` for `position`: the table key, plus the index key on an index.
    func lastEvaluatedKey(_ position: ReadPosition) -> Item {
        var key = position.tableKey.attributes(in: tableSchema)
        if let index, let indexKey = position.indexKey {
            key.merge(indexKey.attributes(in: index.schema)) { $1 }
        }
        return key
    }
}
