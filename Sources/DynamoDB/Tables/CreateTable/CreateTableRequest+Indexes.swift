import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// CreateTable's secondary-index rules: local indexes first, then global ones, then the attribute definitions
/// every key must use and the projected-attribute limit (observed DynamoDB behaviour, 2019 and 2026; AWS:
/// "Service, account, and table quotas in Amazon DynamoDB",
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html).
extension CreateTableRequest {
    /// What the index rules accumulate across indexes: names taken, key attributes used, projected attributes.
    struct IndexUsage {
        var names = Set<String>()
        var usedKeys: [String]
        var projectedCount = 0

        mutating func claim(_ name: String) throws(AWSServiceError) {
            if !names.insert(name).inserted { throw DynamoDBError.duplicateIndexName(name) }
        }

        mutating func note(keys: [String], _ index: IndexInput) {
            for name in keys where !usedKeys.contains(name) { usedKeys.append(name) }
            projectedCount += index.projection?.nonKeyAttributes?.count ?? 0
        }
    }

    func checkIndexes(_ names: KeyNames, maxGlobalIndexes: Int, activeAt: Date) throws(AWSServiceError)
        -> (local: [LocalIndex], global: [GlobalIndex])
    {
        var usage = IndexUsage(usedKeys: names.keys)
        let locals = try checkLocalIndexes(names, &usage)
        let globals = try checkGlobalIndexes(names, &usage, maxGlobalIndexes: maxGlobalIndexes, activeAt: activeAt)
        if (localIndexes != nil || globalIndexes != nil) && usage.usedKeys.count != names.defined.count {
            throw DynamoDBError.unusedAttributeDefinitions(names.defined, usage.usedKeys)
        }
        if usage.projectedCount > 100 { throw DynamoDBError.tooManyProjectedAttributes }
        return (locals, globals)
    }

    /// At most five, on a table with a sort key; each has its own sort key and the table's partition key.
    private func checkLocalIndexes(_ names: KeyNames, _ usage: inout IndexUsage) throws(AWSServiceError) -> [LocalIndex] {
        guard let localIndexes else { return [] }
        if localIndexes.isEmpty { throw DynamoDBError.emptyLocalIndexes }
        if names.keys.count != 2 { throw DynamoDBError.localIndexNeedsTableRange }
        for index in localIndexes {
            let name = index.name ?? ""
            let indexKeys = index.keySchema ?? []
            let indexKeyNames = try Self.checkKeysDefined(indexKeys, names)
            try TableInputs.checkKeySchema(indexKeys, multiAttribute: false, index: name)
            if indexKeys.count != 2 { throw DynamoDBError.indexWithoutRange(name) }
            if indexKeyNames[0] != names.keys[0] {
                throw DynamoDBError.indexHashDiffers(name, indexHash: indexKeyNames[0], tableHash: names.keys[0])
            }
            try TableInputs.checkProjection(index.projection)
            try usage.claim(name)
            usage.note(keys: indexKeyNames, index)
        }
        if localIndexes.count > 5 { throw DynamoDBError.tooManyLocalIndexes }
        return localIndexes.map(LocalIndex.init)
    }

    /// Up to the quota; capacity as the billing mode requires; on-demand limits only on PAY_PER_REQUEST tables.
    private func checkGlobalIndexes(
        _ names: KeyNames, _ usage: inout IndexUsage, maxGlobalIndexes: Int, activeAt: Date
    ) throws(AWSServiceError) -> [GlobalIndex] {
        guard let globalIndexes else { return [] }
        if globalIndexes.isEmpty { throw DynamoDBError.emptyGlobalIndexes }
        for index in globalIndexes {
            let name = index.name ?? ""
            let indexKeyNames = try Self.checkKeysDefined(index.keySchema ?? [], names)
            try TableInputs.checkKeySchema(index.keySchema ?? [], multiAttribute: true, index: name)
            try TableInputs.checkProjection(index.projection)
            if isPayPerRequest {
                if index.throughput != nil { throw DynamoDBError.indexThroughputForbidden(name) }
            } else {
                guard index.throughput != nil else { throw DynamoDBError.indexThroughputMissing(name) }
                try TableInputs.checkBounds(index.throughput)
            }
            try usage.claim(name)
            if let onDemand = index.onDemand {
                if !isPayPerRequest { throw DynamoDBError.onDemandOnProvisioned }
                try TableInputs.checkOnDemand(onDemand, allowClear: false)
            }
            usage.note(keys: indexKeyNames, index)
        }
        if globalIndexes.count > maxGlobalIndexes { throw DynamoDBError.tooManyGlobalIndexes(maxGlobalIndexes) }
        return globalIndexes.map { GlobalIndex($0, createdOnline: false, activeAt: activeAt) }
    }

    /// The index's key attribute names, each of which must be defined.
    private static func checkKeysDefined(_ keys: [KeyInput], _ names: KeyNames) throws(AWSServiceError) -> [String] {
        let keyNames = keys.map { $0.name ?? "" }
        if keyNames.contains(where: { !names.defined.contains($0) }) {
            throw DynamoDBError.keysNotDefined(keyNames, names.defined)
        }
        return keyNames
    }
}
