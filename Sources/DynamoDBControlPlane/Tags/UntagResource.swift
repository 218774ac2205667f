import AWSProtocol

/// UntagResource: removes the named tag keys (unknown keys are ignored); answers an empty body.
extension DynamoDBControlPlane {
    func untagResource(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        if !input.has("ResourceArn") { throw ControlPlaneError.missingParameter("ResourceArn") }
        guard let keys = input.strings("TagKeys") else { throw ControlPlaneError.missingParameter("TagKeys") }
        if keys.isEmpty { throw ControlPlaneError.noTagKeys }
        for (i, key) in keys.enumerated() { validator.length(key, at: "tagKeys.\(i + 1).member", min: 1, max: 128) }
        var table = try taggedTable(input, &validator, context)
        let removed = Set(keys)
        table.tags.removeAll { removed.contains($0.key) }
        store(table, context)
        return .object(JSONObject())
    }
}
