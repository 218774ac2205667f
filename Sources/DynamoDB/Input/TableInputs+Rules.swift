import AWSProtocol

/// Semantic rules of the members CreateTable and UpdateTable share, checked after the Coral constraints
/// (texts observed on DynamoDB).
extension TableInputs {
    /// Capacity above 1e12: "Given value … is out of bounds" (Read first).
    static func checkBounds(_ throughput: ThroughputInput?) throws(AWSServiceError) {
        guard let throughput else { return }
        if let read = throughput.read, read > maxCapacity { throw DynamoDBError.capacityOutOfBounds(read, "ReadCapacityUnits") }
        if let write = throughput.write, write > maxCapacity {
            throw DynamoDBError.capacityOutOfBounds(write, "WriteCapacityUnits")
        }
    }

    /// Key-schema rules of a table or index key schema, in the service's order (observed on DynamoDB).
    static func checkKeySchema(_ keys: [KeyInput], multiAttribute: Bool, index: String?) throws(AWSServiceError) {
        let names = keys.map { $0.name ?? "" }
        if multiAttribute {
            // Multi-attribute GSI keys (AWS: "Multi-attribute keys", GSI.DesignPattern.MultiAttributeKeys.html):
            // up to four HASH elements, then up to four RANGE ones. Texts in DynamoDBError+CreateTable.
            if Set(names).count != names.count { throw DynamoDBError.hashAndRangeSameName }
            if keys.first?.type != KeyType.hash.rawValue { throw DynamoDBError.firstNotHash }
            let hashes = keys.prefix { $0.type == KeyType.hash.rawValue }.count
            let rest = keys.dropFirst(hashes)
            if rest.contains(where: { $0.type != KeyType.range.rawValue }) { throw DynamoDBError.hashAfterRange }
            if hashes > 4 { throw DynamoDBError.tooManyKeyAttributes(.hash) }
            if rest.count > 4 { throw DynamoDBError.tooManyKeyAttributes(.range) }
            return
        }
        if names.count == 2 && names[0] == names[1] { throw DynamoDBError.hashAndRangeSameName }
        if keys.first?.type != KeyType.hash.rawValue { throw DynamoDBError.firstNotHash }
        if keys.count > 1 && keys[1].type != KeyType.range.rawValue { throw DynamoDBError.secondNotRange }
    }

    /// Projection rules shared by LSIs and GSIs.
    static func checkProjection(_ projection: ProjectionInput?) throws(AWSServiceError) {
        guard let type = projection?.type else { throw DynamoDBError.unknownProjectionType }
        let names = projection?.nonKeyAttributes
        if names != nil && type != ProjectionType.include.rawValue { throw DynamoDBError.nonKeyAttributesNotAllowed(type) }
        if type == ProjectionType.include.rawValue {
            guard let names else { throw DynamoDBError.nonKeyAttributesRequired }
            var seen = Set<String>()
            for name in names where !seen.insert(name).inserted {
                throw DynamoDBError.duplicateNonKeyAttribute(name)
            }
        }
    }

    /// Tag list rules (CreateTable and TagResource).
    static func checkTags(_ tags: [InputReader]) throws(AWSServiceError) -> [(key: String, value: String)] {
        if tags.count > 50 { throw DynamoDBError.tooManyTags }
        var result: [(key: String, value: String)] = []
        var seen = Set<String>()
        for tag in tags {
            guard let key = tag.string("Key") else { throw DynamoDBError.tagKeyNull }
            guard let value = tag.string("Value") else { throw DynamoDBError.tagValueNull }
            if key.utf16.isEmpty || key.utf16.count > 128 { throw DynamoDBError.tagKeyInvalid(key) }
            if value.utf16.count > 256 { throw DynamoDBError.tagValueInvalid(value) }
            if key.hasPrefix("aws:") { throw DynamoDBError.tagKeyAwsPrefix(key) }
            if !seen.insert(key).inserted { throw DynamoDBError.duplicateTagKey(key) }
            result.append((key, value))
        }
        return result
    }

    /// On-demand limits: each given value is -1 (no limit) or at least 1.
    /// Limits must be positive; `-1` (clear a limit) is accepted by UpdateTable only (observed on AWS, 2026).
    static func checkOnDemand(_ limits: OnDemandLimits, allowClear: Bool) throws(AWSServiceError) {
        if let read = limits.maxRead, !(allowClear && read == -1) && read < 1 {
            throw DynamoDBError.onDemandOutOfRange("MaxReadRequestUnits")
        }
        if let write = limits.maxWrite, !(allowClear && write == -1) && write < 1 {
            throw DynamoDBError.onDemandOutOfRange("MaxWriteRequestUnits")
        }
    }
}
