import AWSProtocol

/// Reading and checking the members CreateTable and UpdateTable share.
enum TableInputs {
    static let maxCapacity: Int64 = 1_000_000_000_000

    static func keys(_ readers: [InputReader]?, typeMember: String) -> [KeyInput]? {
        readers?.map { KeyInput(name: $0.string("AttributeName"), type: $0.string(typeMember)) }
    }

    static func throughput(_ reader: InputReader?) -> ThroughputInput? {
        reader.map { ThroughputInput(read: $0.long("ReadCapacityUnits"), write: $0.long("WriteCapacityUnits")) }
    }

    static func onDemand(_ reader: InputReader?) -> OnDemandLimits? {
        reader.map { OnDemandLimits(maxRead: $0.long("MaxReadRequestUnits"), maxWrite: $0.long("MaxWriteRequestUnits")) }
    }

    static func warm(_ reader: InputReader?) -> ThroughputInput? {
        reader.map { ThroughputInput(read: $0.long("ReadUnitsPerSecond"), write: $0.long("WriteUnitsPerSecond")) }
    }

    static func index(_ reader: InputReader) -> IndexInput {
        IndexInput(
            name: reader.string("IndexName"),
            keySchema: keys(reader.readers("KeySchema"), typeMember: "KeyType"),
            projection: reader.reader("Projection").map {
                ProjectionInput(type: $0.string("ProjectionType"), nonKeyAttributes: $0.strings("NonKeyAttributes"))
            },
            throughput: throughput(reader.reader("ProvisionedThroughput")),
            onDemand: onDemand(reader.reader("OnDemandThroughput")),
            warm: warm(reader.reader("WarmThroughput")))
    }

    /// Java's toString of a KeySchemaElement list, as Coral prints list values.
    static func javaKeySchema(_ keys: [KeyInput]) -> String {
        "["
            + keys.map { "KeySchemaElement(attributeName=\($0.name ?? "null"), keyType=\($0.type ?? "null"))" }
            .joined(separator: ", ") + "]"
    }

    static func javaStrings(_ values: [String]) -> String { "[" + values.joined(separator: ", ") + "]" }

    // MARK: Coral constraints

    static func validateKeySchema(_ keys: [KeyInput]?, at path: String, maxLength: Int, _ validator: inout CoralValidator) {
        guard validator.notNull(keys != nil, at: path), let keys else { return }
        validator.listLength(keys.count, rendered: javaKeySchema(keys), at: path, min: 1, max: maxLength)
        for (i, key) in keys.enumerated() {
            let element = "\(path).\(i + 1).member"
            if validator.notNull(key.name != nil, at: "\(element).attributeName"), let name = key.name {
                validator.length(name, at: "\(element).attributeName", min: 1, max: 255)
            }
            if validator.notNull(key.type != nil, at: "\(element).keyType"), let type = key.type {
                validator.enumValue(type, at: "\(element).keyType", CoralEnums.keyType)
            }
        }
    }

    static func validateAttributeDefinitions(
        _ definitions: [KeyInput]?, at path: String, required: Bool,
        _ validator: inout CoralValidator
    ) {
        if required { validator.notNull(definitions != nil, at: path) }
        guard let definitions else { return }
        for (i, definition) in definitions.enumerated() {
            let element = "\(path).\(i + 1).member"
            if validator.notNull(definition.name != nil, at: "\(element).attributeName"), let name = definition.name {
                validator.length(name, at: "\(element).attributeName", min: 1, max: 255)
            }
            if validator.notNull(definition.type != nil, at: "\(element).attributeType"), let type = definition.type {
                validator.enumValue(type, at: "\(element).attributeType", CoralEnums.attributeType)
            }
        }
    }

    static func validateThroughput(
        _ throughput: ThroughputInput?, at path: String, required: Bool = false,
        _ validator: inout CoralValidator
    ) {
        if required { validator.notNull(throughput != nil, at: path) }
        guard let throughput else { return }
        if validator.notNull(throughput.read != nil, at: "\(path).readCapacityUnits"), let read = throughput.read {
            validator.range(read, at: "\(path).readCapacityUnits", min: 1)
        }
        if validator.notNull(throughput.write != nil, at: "\(path).writeCapacityUnits"), let write = throughput.write {
            validator.range(write, at: "\(path).writeCapacityUnits", min: 1)
        }
    }

    static func validateProjection(_ projection: ProjectionInput?, at path: String, _ validator: inout CoralValidator) {
        guard validator.notNull(projection != nil, at: path), let projection else { return }
        if let type = projection.type { validator.enumValue(type, at: "\(path).projectionType", CoralEnums.projectionType) }
        if let names = projection.nonKeyAttributes {
            validator.listLength(names.count, rendered: javaStrings(names), at: "\(path).nonKeyAttributes", min: 1, max: 20)
        }
    }

    /// A secondary index: name, key schema (GSIs allow multi-attribute keys, up to 8 elements), projection, throughput.
    static func validateIndex(_ index: IndexInput, at path: String, keyMaxLength: Int, _ validator: inout CoralValidator) {
        if validator.notNull(index.name != nil, at: "\(path).indexName"), let name = index.name {
            validator.name(name, at: "\(path).indexName")
        }
        validateKeySchema(index.keySchema, at: "\(path).keySchema", maxLength: keyMaxLength, &validator)
        validateProjection(index.projection, at: "\(path).projection", &validator)
        validateThroughput(index.throughput, at: "\(path).provisionedThroughput", &validator)
    }

    /// StreamSpecification: StreamEnabled is required, StreamViewType one of the four.
    static func validateStreamSpecification(_ stream: InputReader?, _ validator: inout CoralValidator) {
        guard let stream else { return }
        validator.notNull(stream.has("StreamEnabled"), at: "streamSpecification.streamEnabled")
        if let viewType = stream.string("StreamViewType") {
            validator.enumValue(viewType, at: "streamSpecification.streamViewType", CoralEnums.streamViewType)
        }
    }

    /// SSESpecification.SSEType, when sent.
    static func validateSSEType(_ sse: InputReader?, _ validator: inout CoralValidator) {
        if let sseType = sse?.string("SSEType") { validator.enumValue(sseType, at: "sSESpecification.sSEType", CoralEnums.sseType) }
    }

    // MARK: Semantic checks

    /// Capacity above 1e12: "Given value … is out of bounds" (Read first).
    static func checkBounds(_ throughput: ThroughputInput?) throws(AWSServiceError) {
        guard let throughput else { return }
        if let read = throughput.read, read > maxCapacity { throw ControlPlaneError.capacityOutOfBounds(read, "ReadCapacityUnits") }
        if let write = throughput.write, write > maxCapacity {
            throw ControlPlaneError.capacityOutOfBounds(write, "WriteCapacityUnits")
        }
    }

    /// Key-schema rules of a table or index key schema, in the service's order (observed on DynamoDB).
    static func checkKeySchema(_ keys: [KeyInput], multiAttribute: Bool, index: String?) throws(AWSServiceError) {
        let names = keys.map { $0.name ?? "" }
        if multiAttribute {
            // Multi-attribute GSI keys (2025+): HASH elements first, then RANGE; at most 4 of each (Unverified texts).
            if Set(names).count != names.count { throw ControlPlaneError.hashAndRangeSameName }
            if keys.first?.type != "HASH" { throw ControlPlaneError.firstNotHash }
            let hashes = keys.prefix { $0.type == "HASH" }.count
            let rest = keys.dropFirst(hashes)
            if rest.contains(where: { $0.type != "RANGE" }) { throw ControlPlaneError.secondNotRange }
            if hashes > 4 || rest.count > 4 { throw ControlPlaneError.tooManyKeyAttributes(index ?? "") }
            return
        }
        if names.count == 2 && names[0] == names[1] { throw ControlPlaneError.hashAndRangeSameName }
        if keys.first?.type != "HASH" { throw ControlPlaneError.firstNotHash }
        if keys.count > 1 && keys[1].type != "RANGE" { throw ControlPlaneError.secondNotRange }
    }

    /// Projection rules shared by LSIs and GSIs.
    static func checkProjection(_ projection: ProjectionInput?) throws(AWSServiceError) {
        guard let type = projection?.type else { throw ControlPlaneError.unknownProjectionType }
        let names = projection?.nonKeyAttributes
        if names != nil && type != "INCLUDE" { throw ControlPlaneError.nonKeyAttributesNotAllowed(type) }
        if type == "INCLUDE" {
            guard let names else { throw ControlPlaneError.nonKeyAttributesRequired }
            var seen = Set<String>()
            for name in names where !seen.insert(name).inserted {
                throw ControlPlaneError.duplicateNonKeyAttribute(name)
            }
        }
    }

    /// Tag list rules (CreateTable and TagResource).
    static func checkTags(_ tags: [InputReader]) throws(AWSServiceError) -> [(key: String, value: String)] {
        if tags.count > 50 { throw ControlPlaneError.tooManyTags }
        var result: [(key: String, value: String)] = []
        var seen = Set<String>()
        for tag in tags {
            guard let key = tag.string("Key") else { throw ControlPlaneError.tagKeyNull }
            guard let value = tag.string("Value") else { throw ControlPlaneError.tagValueNull }
            if key.utf16.isEmpty || key.utf16.count > 128 { throw ControlPlaneError.tagKeyInvalid(key) }
            if value.utf16.count > 256 { throw ControlPlaneError.tagValueInvalid(value) }
            if key.hasPrefix("aws:") { throw ControlPlaneError.tagKeyAwsPrefix(key) }
            if !seen.insert(key).inserted { throw ControlPlaneError.duplicateTagKey(key) }
            result.append((key, value))
        }
        return result
    }

    /// On-demand limits: each given value is -1 (no limit) or at least 1.
    /// Limits must be positive; `-1` (clear a limit) is accepted by UpdateTable only (observed on AWS, 2026).
    static func checkOnDemand(_ limits: OnDemandLimits, allowClear: Bool) throws(AWSServiceError) {
        if let read = limits.maxRead, !(allowClear && read == -1) && read < 1 {
            throw ControlPlaneError.onDemandOutOfRange("MaxReadRequestUnits")
        }
        if let write = limits.maxWrite, !(allowClear && write == -1) && write < 1 {
            throw ControlPlaneError.onDemandOutOfRange("MaxWriteRequestUnits")
        }
    }

    /// SSESpecification → the KMS key ARN to describe, or nil for the AWS-owned default key.
    static func sseKey(_ spec: InputReader?, _ context: RequestContext, managedKeyId: () -> String)
        throws(AWSServiceError) -> String?
    {
        guard let spec else { return nil }
        let enabled = spec.bool("Enabled")
        let type = spec.string("SSEType")
        let keyId = spec.string("KMSMasterKeyId")
        if enabled == false {
            if type != nil { throw ControlPlaneError.sseTypeWithoutEnabled }
            if keyId != nil { throw ControlPlaneError.kmsKeyWithoutEnabled }
            return nil
        }
        if type == "AES256" { throw ControlPlaneError.aes256NotSupported }
        if keyId != nil && type != "KMS" { throw ControlPlaneError.kmsKeyNeedsKMSType }
        guard enabled == true || type == "KMS" else { return nil }
        func managedKeyArn() -> String { "arn:aws:kms:\(context.region):\(context.accountId):key/\(managedKeyId())" }
        guard let keyId else { return managedKeyArn() }
        // KMSMasterKeyArn is always the ARN of a key, never of an alias: AWS resolves aliases. The AWS-managed
        // alias names the region's managed key (the default key); any other alias resolves to a stable made-up
        // key id (Unverified: there is no KMS here to resolve it).
        let aliasArn =
            keyId.hasPrefix("alias/")
            ? "arn:aws:kms:\(context.region):\(context.accountId):\(keyId)"
            : (keyId.hasPrefix("arn:") && keyId.contains(":alias/") ? keyId : nil)
        if let aliasArn, let cut = aliasArn.firstByteRange(of: "alias/") {
            if aliasArn == "arn:aws:kms:\(context.region):\(context.accountId):alias/aws/dynamodb" { return managedKeyArn() }
            return aliasArn[..<cut.lowerBound] + "key/" + ReservedCapacityOffering.stableId(aliasArn)
        }
        if keyId.hasPrefix("arn:") { return keyId }
        return "arn:aws:kms:\(context.region):\(context.accountId):key/\(keyId)"
    }
}
