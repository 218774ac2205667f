import AWSProtocol

/// TagResource: adds or replaces tags on a table (at most 50).
extension DynamoDBService {
    /// Checks in AWS's order: ResourceArn and Tags present, the ARN's form, Tags not empty, then the table
    /// (dynalite's suite recorded against AWS: test/tagResource.js; observed again on AWS in 2026). Unverified:
    /// that the tags' own rules are checked before the table is looked up. The answer carries no members
    /// (botocore's TagResource has no output shape); see `answersWithEmptyBody`.
    func tagResource(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        var validator = CoralValidator()
        if !input.has("ResourceArn") { throw DynamoDBError.missingParameter("ResourceArn") }
        guard let tags = input.readers("Tags") else { throw DynamoDBError.missingParameter("Tags") }
        let resolved = try taggedTableName(input, &validator, context)
        if tags.isEmpty { throw DynamoDBError.noTags }
        let requested = try TableInputs.checkTags(tags)
        var table = try taggedTable(resolved, context)
        for tag in requested {
            if let i = table.tags.firstIndex(where: { $0.key == tag.key }) {
                table.tags[i].value = tag.value
            } else {
                table.tags.append(tag)
            }
        }
        if table.tags.count > 50 { throw DynamoDBError.tooManyTags }
        store(table, context)
        return .object(JSONObject())
    }
}
