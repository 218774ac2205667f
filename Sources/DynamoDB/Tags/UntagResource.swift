import AWSProtocol

/// UntagResource: removes the named tag keys (unknown keys are ignored).
extension DynamoDBService {
    /// Checks in TagResource's order: ResourceArn and TagKeys present, the ARN's form (with the keys' Coral
    /// lengths), TagKeys not empty, then the table. The answer carries no members; see `answersWithEmptyBody`.
    func untagResource(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        if !input.has("ResourceArn") { throw DynamoDBError.missingParameter("ResourceArn") }
        guard let keys = input.strings("TagKeys") else { throw DynamoDBError.missingParameter("TagKeys") }
        for (i, key) in keys.enumerated() { validator.length(key, at: "tagKeys.\(i + 1).member", min: 1, max: 128) }
        let resolved = try taggedTableName(input, &validator, context)
        if keys.isEmpty { throw DynamoDBError.noTagKeys }
        var table = try taggedTable(resolved, context)
        let removed = Set(keys)
        table.tags.removeAll { removed.contains($0.key) }
        store(table, context)
        return .object(JSONObject())
    }
}
