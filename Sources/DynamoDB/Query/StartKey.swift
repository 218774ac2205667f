import AWSProtocol
import DynamoDBExpressions
import DynamoDBItems

/// `ExclusiveStartKey` of Query and Scan: where the read resumes. Checked in the order and with the texts
/// DynamoDB answers (recorded by the dynalite emulator's tests against DynamoDB; the rules that join them
/// are observed, not documented): values first, then the key's shape against the table and index keys,
/// then (Query) its place in the queried range.
enum StartKey {
    static let invalid = ItemError.validation("The provided starting key is invalid")
    static let mismatch = ItemError.validation("The provided key element does not match the schema")
    static let invalidMismatch = ItemError.validation(
        "The provided starting key is invalid: The provided key element does not match the schema")

    /// The sent key's values, decoded; some value refusals gain `The provided starting key is invalid: `.
    static func decode(_ input: InputReader) throws(ItemError) -> Item? {
        guard input.has("ExclusiveStartKey") else { return nil }
        do {
            return try ItemExpressionMembers.attributeMap(input, "ExclusiveStartKey")
        } catch {
            let prefixed = [
                "Supplied AttributeValue", "One or more parameter values were invalid: Null attribute value",
                "One or more parameter values were invalid: An string set  may not be empty",
                "One or more parameter values were invalid: Binary sets should not be empty",
            ]
            guard error.kind == .validation, prefixed.contains(where: error.message.hasPrefix) else { throw error }
            throw .validation("The provided starting key is invalid: " + error.message)
        }
    }

    /// Before the key condition is read: as many attributes as the table and index keys have together,
    /// and the read's partition key among them with its type.
    static func checkShape(_ key: Item, _ target: ReadTarget) throws(ItemError) {
        let names = Set(target.tableSchema.names + target.keySchema.names)
        guard key.count == names.count else { throw invalid }
        let partition = target.keySchema.partition
        guard let value = key[partition.name] else { throw invalid }
        guard KeyValue(value)?.type == partition.type else { throw mismatch }
    }

    /// The position after which the read resumes: the read's key (table or index) complete and typed,
    /// then, on an index, the table key.
    static func position(_ key: Item, _ target: ReadTarget) throws(ItemError) -> ReadPosition {
        let readKey = try typedKey(key, target.keySchema, missing: invalid, wrongType: mismatch)
        guard target.index != nil else { return ReadPosition(tableKey: readKey) }
        let tableKey = try typedKey(key, target.tableSchema, missing: invalidMismatch, wrongType: invalidMismatch)
        return ReadPosition(tableKey: tableKey, indexKey: readKey)
    }

    /// Query only: the start key within the queried range. A sort key outside the condition is refused
    /// first; another partition is "outside query boundaries" without a sort condition, and "can return at
    /// most one row" with one (observed).
    static func checkBounds(_ position: ReadPosition, _ query: KeyQuery) throws(ItemError) {
        let key = position.indexKey ?? position.tableKey
        if query.sort != .any, !query.sort.matches(key.sort) {
            throw .validation("The provided starting key does not match the range key predicate")
        }
        guard key.partition == query.partition else {
            if query.sort != .any { throw .validation("The query can return at most one row and cannot be restarted") }
            throw .validation("The provided starting key is outside query boundaries based on provided conditions")
        }
    }

    /// Scan only: a parallel scan's start key must lie in the scanned segment, its partition (the index's, on
    /// an index) hashing into the segment's range (text recorded against DynamoDB by dynalite's tests, checked
    /// before the filter's key paths; only with more than one segment).
    static func checkSegment(_ position: ReadPosition, segment: Int, of totalSegments: Int) throws(ItemError) {
        guard totalSegments > 1 else { return }
        let partition = (position.indexKey ?? position.tableKey).partition
        guard !partition.isInScanSegment(segment, of: totalSegments) else { return }
        throw .validation(
            "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct "
                + "Segment. TotalSegments: \(totalSegments) Segment: \(segment)")
    }

    private static func typedKey(_ key: Item, _ schema: KeySchema, missing: ItemError, wrongType: ItemError) throws(ItemError)
        -> PrimaryKey
    {
        var values: [KeyValue] = []
        for element in schema.elements {
            guard let value = key[element.name] else { throw missing }
            guard let keyValue = KeyValue(value), keyValue.type == element.type else { throw wrongType }
            values.append(keyValue)
        }
        return PrimaryKey(partition: values[0], sort: values.count > 1 ? values[1] : nil)
    }
}
