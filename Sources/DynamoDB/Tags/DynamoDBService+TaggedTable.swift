import AWSProtocol

/// Resolving a `ResourceArn` (tables only) for the tag operations, in AWS's order: the ARN's form first, then the
/// operation's own list checks (empty Tags / TagKeys), then whether the table exists.
extension DynamoDBService {
    /// The table name a well-formed ResourceArn of the caller's account and region names (no lookup yet). Every
    /// text below was observed on AWS in 2026 unless marked; Coral errors already in `validator` are thrown first.
    func taggedTableName(_ input: InputReader, _ validator: inout CoralValidator, _ context: RequestContext)
        throws(AWSServiceError) -> (name: String, arn: String)
    {
        guard let arn = input.string("ResourceArn") else { throw DynamoDBError.missingParameter("ResourceArn") }
        validator.length(arn, at: "resourceArn", min: 1, max: 1283)
        if let error = validator.error { throw error }
        if !arn.hasPrefix("arn:") { throw DynamoDBError.resourceArnNotAnArn(arn) }
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        // Unverified: an ARN with too few parts is answered like another region's.
        guard parts.count == 6 else { throw DynamoDBError.invalidResourceArn(arn) }
        // Observed on AWS in 2026: another service's ARN, another account's (AccessDenied), another region's,
        // an index ARN; a stream ARN is simply not found.
        guard parts[2] == "dynamodb" else { throw DynamoDBError.notDynamoDBArn(arn) }
        guard String(parts[4]) == context.accountId else { throw DynamoDBError.accessDenied }
        guard String(parts[3]) == context.region else { throw DynamoDBError.invalidResourceArn(arn) }
        guard parts[5].hasPrefix("table/") else { throw DynamoDBError.onlyTableOrStreamArn(arn) }
        let name = String(parts[5].dropFirst(6))
        if name.contains("/stream/") { throw DynamoDBError.resourceArnNotFound(arn) }
        if name.contains("/") { throw DynamoDBError.onlyTableOrStreamArn(arn) }
        // A name no table can have (e.g. `table/ab`) is an invalid ARN, not a missing table (AWS answer recorded
        // in dynalite's test suite, test/tagResource.js "short table name").
        let length = name.utf16.count
        guard length >= 3, length <= 255, CoralValidator.matchesNamePattern(name) else {
            throw DynamoDBError.invalidResourceArn(arn)
        }
        return (name, arn)
    }

    /// The table `taggedTableName` resolved, once the operation's own checks passed.
    func taggedTable(_ resolved: (name: String, arn: String), _ context: RequestContext) throws(AWSServiceError) -> Table {
        guard regions[context.key]?.tables[resolved.name] != nil else {
            throw DynamoDBError.resourceArnNotFound(resolved.arn)
        }
        let table = try existingTable(resolved.name, shown: resolved.arn, context)
        // The tagging backend knows a table only while it is ACTIVE or UPDATING: for (nearly) all of CREATING
        // and DELETING the tag APIs answer not-found although DescribeTable succeeds (observed on AWS, 2026).
        let status = table.status(at: context.now)
        if status == .creating || status == .deleting { throw DynamoDBError.resourceArnNotFound(resolved.arn) }
        return table
    }

    /// Both steps at once, for ListTagsOfResource (which has nothing else to check).
    func taggedTable(_ input: InputReader, _ validator: inout CoralValidator, _ context: RequestContext)
        throws(AWSServiceError) -> Table
    {
        try taggedTable(try taggedTableName(input, &validator, context), context)
    }
}
