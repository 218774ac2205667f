import AWSProtocol

/// Coral constraints of the members CreateTable and UpdateTable share, collected into a `CoralValidator`.
extension TableInputs {
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
            // Each name is 1..255 characters (AWS: "Projection", NonKeyAttributes). Coral reports a list member's
            // constraints on the whole list in this form (its wording for other services' string lists, e.g.
            // Lambda's `layers`); Unverified for DynamoDB's NonKeyAttributes.
            if names.contains(where: { $0.utf16.isEmpty || $0.utf16.count > 255 }) {
                validator.fail(
                    javaStrings(names), at: "\(path).nonKeyAttributes",
                    "Member must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 1]"
                )
            }
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
}
