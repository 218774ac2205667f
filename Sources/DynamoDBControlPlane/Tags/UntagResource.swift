import AWSProtocol

/// UntagResource: removes the named tag keys (unknown keys are ignored); answers an empty body.
extension DynamoDBControlPlane {
    func untagResource(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var v = CoralValidator()
        if !input.has("ResourceArn") { throw ControlPlaneError.missingParameter("ResourceArn") }
        guard let keys = input.strings("TagKeys") else { throw ControlPlaneError.missingParameter("TagKeys") }
        if keys.isEmpty { throw ControlPlaneError.noTagKeys }
        for (i, key) in keys.enumerated() { v.length(key, at: "tagKeys.\(i + 1).member", min: 1, max: 128) }
        var table = try taggedTable(input, &v, context)
        let removed = Set(keys)
        table.tags.removeAll { removed.contains($0.key) }
        store(table, context)
        return .object(JSONObject())
    }
}
