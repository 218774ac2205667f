import DynamoDBItems

/// Key conditions on a global secondary index with multi-attribute keys ("Multi-attribute keys pattern", Amazon
/// DynamoDB Developer Guide): every HASH attribute with `=`; RANGE attributes left to right without a gap, each
/// with `=` but the last one named, which may have any sort-key condition; the clauses in any order. The
/// result's partition and sort condition are over the stored keys (`KeySchema.storedKey`, `CompositeKey`), so
/// `ItemStore.query` reads them as any other index. The RANGE text is DynamoDB's as observed in 2026 (a gap or an
/// earlier range condition); the HASH text is Unverified (modelled on it and on users' reports of "HASH key
/// attributes … must have equality conditions"), as is the listing of several attributes in one message.
extension KeyQuery {
    /// One key attribute's condition: equality or not, its values, and the sort condition its bounds make.
    struct KeyConstraint {
        var isEquality: Bool
        var values: [AttributeValue]
        var sortCondition: ([KeyValue]) -> SortKeyCondition
    }

    init(multiAttribute condition: Condition, schema: KeySchema) throws(ItemError) {
        var constraints: [String: KeyConstraint] = [:]
        for leaf in KeyQuery.leaves(condition) {
            let (name, values) = try KeyQuery.keyCondition(leaf)
            guard constraints[name] == nil else { throw .validation("KeyConditionExpressions must only contain one condition per key") }
            let turned = KeyQuery.attributeFirst(leaf)
            var isEquality = false
            if case .compare(.equal, _, _) = turned { isEquality = true }
            constraints[name] = KeyConstraint(isEquality: isEquality, values: values) { KeyQuery.sortCondition(turned, $0) }
        }
        self = try KeyQuery.multiAttribute(constraints, schema: schema)
    }

    /// The checks and the stored partition and sort condition shared by KeyConditionExpression and KeyConditions.
    static func multiAttribute(_ constraints: [String: KeyConstraint], schema: KeySchema) throws(ItemError) -> KeyQuery {
        let hashes = schema.partitionElements
        guard hashes.contains(where: { constraints[$0.name] != nil }) else {
            throw .validation("Query condition missed key schema element: \(hashes[0].name)")
        }
        let unequalHashes = hashes.filter { constraints[$0.name]?.isEquality != true }.map(\.name)
        if !unequalHashes.isEmpty {
            guard hashes.count > 1 else { throw .validation("Query key condition not supported") }
            throw .validation(
                "HASH key attributes \(unequalHashes.joined(separator: ", ")) must have equality conditions specified in the query")
        }
        let keyNames = Set(schema.names)
        if constraints.keys.contains(where: { !keyNames.contains($0) }) { throw .validation("Query key condition not supported") }
        let sorts = schema.sortElements
        let lastIndex = sorts.lastIndex { constraints[$0.name] != nil }
        if let lastIndex {
            let unequalSorts = sorts[..<lastIndex].filter { constraints[$0.name]?.isEquality != true }.map(\.name)
            if !unequalSorts.isEmpty {
                throw .validation(
                    "RANGE key attributes \(unequalSorts.joined(separator: ", ")) must have equality conditions specified in the "
                        + "query because a condition is present on key attribute \(sorts[lastIndex].name)")
            }
        }
        var partitions: [KeyValue] = []
        for element in hashes { partitions.append(try keyValue(constraints[element.name]?.values.first, element)) }
        var prefix: [KeyValue] = []
        var last = SortKeyCondition.any
        if let lastIndex {
            for element in sorts[..<lastIndex] { prefix.append(try keyValue(constraints[element.name]?.values.first, element)) }
            let element = sorts[lastIndex]
            let constraint = constraints[element.name]
            var bounds: [KeyValue] = []
            for value in constraint?.values ?? [] { bounds.append(try keyValue(value, element)) }
            last = constraint?.sortCondition(bounds) ?? .any
        }
        let partition = schema.storedKey(partitions: partitions, sorts: []).partition
        let sort = sorts.count > 1 ? CompositeKey.sortCondition(prefix: prefix, last: last) : last
        return KeyQuery(partition: partition, sort: sort)
    }

    private static func keyValue(_ value: AttributeValue?, _ element: KeySchema.Element) throws(ItemError) -> KeyValue {
        guard let value else { throw .validation("Query key condition not supported") }
        return try keyValue(value, element)
    }
}
