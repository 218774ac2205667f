import AWSProtocol

/// TagResource: adds or replaces tags on a table (at most 50); answers an empty body.
extension DynamoDBControlPlane {
    func tagResource(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        if !input.has("ResourceArn") { throw ControlPlaneError.missingParameter("ResourceArn") }
        guard let tags = input.readers("Tags") else { throw ControlPlaneError.missingParameter("Tags") }
        if tags.isEmpty { throw ControlPlaneError.noTags }
        var table = try taggedTable(input, &validator, context)
        let requested = try TableInputs.checkTags(tags)
        for tag in requested {
            if let i = table.tags.firstIndex(where: { $0.key == tag.key }) {
                table.tags[i].value = tag.value
            } else {
                table.tags.append(tag)
            }
        }
        if table.tags.count > 50 { throw ControlPlaneError.tooManyTags }
        store(table, context)
        return .object(JSONObject())
    }
}
