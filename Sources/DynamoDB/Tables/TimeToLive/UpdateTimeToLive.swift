import AWSProtocol

/// UpdateTimeToLive: enables or disables TTL on one attribute; echoes the specification.
/// The "already enabled/disabled" and different-attribute texts were observed on AWS in 2026.
extension DynamoDBService {
    func updateTimeToLive(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        let reference = try Self.tableReference(input, &validator, context)
        let spec = input.reader("TimeToLiveSpecification")
        if validator.notNull(spec != nil, at: "timeToLiveSpecification"), let spec {
            validator.notNull(spec.has("Enabled"), at: "timeToLiveSpecification.enabled")
            if validator.notNull(spec.has("AttributeName"), at: "timeToLiveSpecification.attributeName"),
                let name = spec.string("AttributeName")
            {
                validator.length(name, at: "timeToLiveSpecification.attributeName", min: 1, max: 255)
            }
        }
        if let error = validator.error { throw error }
        let enabled = spec?.bool("Enabled") ?? false
        let attribute = spec?.string("AttributeName") ?? ""
        var table = try existingTable(reference, context)
        if table.status(at: context.now) == .creating { throw DynamoDBError.ttlTableBeingCreated(table.name) }
        if table.status(at: context.now) == .deleting { throw DynamoDBError.tableBeingDeleted(table.name) }
        let current = table.ttl?.enabled ?? false
        // Observed on AWS (2026): another attribute while TTL is on is refused whether enabling or disabling.
        if current, let active = table.ttl?.attribute, active != attribute {
            throw DynamoDBError.ttlOnDifferentAttribute(active)
        }
        if enabled && current { throw DynamoDBError.ttlAlreadyEnabled }
        if !enabled && !current { throw DynamoDBError.ttlAlreadyDisabled }
        table.ttl = (enabled, attribute)
        store(table, context)
        return ["TimeToLiveSpecification": ["Enabled": .bool(enabled), "AttributeName": .string(attribute)]]
    }
}
