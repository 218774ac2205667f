import AWSProtocol

/// CreateTable's capacity and key-schema rules, in the service's order (observed DynamoDB behaviour, 2019 and
/// 2026; AWS: "CreateTable", https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html).
extension CreateTableRequest {
    /// The attribute names the key and index rules compare.
    struct KeyNames {
        /// AttributeDefinitions' names, in request order.
        var defined: [String]
        /// The table's key attribute names, in key-schema order.
        var keys: [String]
    }

    /// PROVISIONED tables need both capacity members (within bounds); PAY_PER_REQUEST ones take none.
    func checkCapacity() throws(AWSServiceError) {
        if isPayPerRequest {
            if throughput != nil { throw DynamoDBError.provisionedForbidden }
        } else {
            guard throughput?.read != nil, throughput?.write != nil else { throw DynamoDBError.provisionedRequired }
            try TableInputs.checkBounds(throughput)
        }
    }

    /// Attribute definitions without duplicates, a key schema they define, and (without indexes) nothing more.
    func checkKeySchema() throws(AWSServiceError) -> KeyNames {
        let defined = (attributeDefinitions ?? []).map { $0.name ?? "" }
        var seen = Set<String>()
        for name in defined where !seen.insert(name).inserted { throw DynamoDBError.duplicateAttribute(name) }
        let keys = (keySchema ?? []).map { $0.name ?? "" }
        if keys.count > defined.count { throw DynamoDBError.keyWithoutDefinition }
        if keys.contains(where: { !seen.contains($0) }) { throw DynamoDBError.keysNotDefined(keys, defined) }
        try TableInputs.checkKeySchema(keySchema ?? [], multiAttribute: false, index: nil)
        if localIndexes == nil && globalIndexes == nil && keys.count != defined.count {
            throw DynamoDBError.attributeCountMismatch
        }
        return KeyNames(defined: defined, keys: keys)
    }
}
