import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// The checks the four item operations share, in AWS's order: Coral constraints on `TableName` and the
/// enums, the expression members, the table lookup, secondary-index keys and the condition.
extension DynamoDBService {
    static let returnValuesEnum = ["ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"]
    static let returnConsumedCapacityEnum = ["INDEXES", "TOTAL", "NONE"]
    static let returnItemCollectionMetricsEnum = ["SIZE", "NONE"]
    static let returnValuesOnConditionCheckFailureEnum = ["ALL_OLD", "NONE"]

    /// `TableName` of an item call: a name (1 to 255 characters of `[a-zA-Z0-9_.-]`) or a table ARN (up to
    /// 1024). Observed on DynamoDB (2026): a two-character name passes validation and is not found.
    static func itemTableReference(_ input: InputReader, _ validator: inout CoralValidator, _ context: RequestContext)
        throws(AWSServiceError) -> TableReference?
    {
        guard let value = input.string("TableName") else {
            validator.notNull(false, at: "tableName")
            return nil
        }
        if value.hasPrefix("arn:") {
            validator.length(value, at: "tableName", min: 1, max: 1024)
            if validator.error != nil { return nil }
            let target = try parseTableArn(value, context)
            return TableReference(target: target, shown: value)
        }
        validator.length(value, at: "tableName", min: 1, max: 255)
        if !value.isEmpty { validator.namePattern(value, at: "tableName") }
        return TableReference(target: .table(value), shown: value)
    }

    /// Records an enum violation of the member `key` (reported at `path`) when it is present.
    static func itemEnum(_ input: InputReader, _ key: String, at path: String, _ allowed: [String], _ validator: inout CoralValidator) {
        if let value = input.string(key) { validator.enumValue(value, at: path, allowed) }
    }

    /// The table an item call names, or `Requested resource not found` when it is gone, CREATING or
    /// DELETING (item calls are served while it is UPDATING). Observed DynamoDB texts (dynalite's recordings).
    func itemTable(_ reference: TableReference, _ context: RequestContext) throws(AWSServiceError) -> Table {
        let notFound = DynamoDBError.resourceNotFound("Requested resource not found")
        guard let name = reference.tableName, regions[context.key]?.tables[name] != nil else { throw notFound }
        let table: Table
        do { table = try existingTable(name, shown: name, context) } catch { throw notFound }
        switch table.status(at: context.now) {
        case .creating, .deleting: throw notFound
        case .active, .updating: return table
        }
    }

    /// Runs a pure step of the data plane, rendering its `ItemError` as the wire error.
    static func itemStep<T>(_ body: () throws(ItemError) -> T) throws(AWSServiceError) -> T {
        do { return try body() } catch { throw error.serviceError }
    }

    /// The request members that were sent (JSON null counts as absent).
    static func presentMembers(_ input: InputReader) -> Set<String> {
        Set(input.object.members.filter { $0.value != .null }.map(\.key))
    }

    /// Refuses `item` when a secondary-index key attribute has the wrong type or is empty.
    static func checkIndexKeys(of item: Item, in table: Table) throws(ItemError) {
        for index in table.secondaryIndexes {
            _ = try index.schema.indexKey(ofItem: item, indexName: index.name)
        }
    }

    /// ConditionalCheckFailedException when `condition` is false on `old`; with `Item` when the caller asked
    /// for ALL_OLD on failure ("ReturnValuesOnConditionCheckFailure", Amazon DynamoDB API Reference).
    static func checkCondition(_ condition: Condition?, on old: Item?, returnOldOnFailure: Bool) throws(AWSServiceError) {
        guard let condition, !condition.isSatisfied(by: old) else { return }
        var error = ItemError.conditionalCheckFailed.serviceError
        if returnOldOnFailure, let old { error.extraMembers.append("Item", AttributeValue.wire(old)) }
        throw error
    }
}
