import AWSProtocol

/// Resolving a `ResourceArn` (tables only) for the tag operations.
extension DynamoDBControlPlane {
    /// The table a tag operation addresses. The not-found and not-an-ARN texts were observed on AWS in 2026;
    /// the one for other malformed ARNs is Unverified.
    func taggedTable(_ input: InputReader, _ v: inout CoralValidator, _ context: RequestContext)
        throws(AWSServiceError) -> Table
    {
        guard let arn = input.string("ResourceArn") else { throw ControlPlaneError.missingParameter("ResourceArn") }
        v.length(arn, at: "resourceArn", min: 1, max: 1283)
        if let error = v.error { throw error }
        if !arn.hasPrefix("arn:") { throw ControlPlaneError.resourceArnNotAnArn(arn) }
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "dynamodb", parts[5].hasPrefix("table/") else {
            throw ControlPlaneError.invalidResourceArn(arn)
        }
        let name = String(parts[5].dropFirst(6))
        // Observed on AWS in 2026: another account's ARN is AccessDenied, another region's a ValidationException
        // (Unverified: its text; DescribeTable's "Invalid AWS region" is used).
        guard String(parts[4]) == context.accountId else { throw ControlPlaneError.accessDenied }
        guard String(parts[3]) == context.region else { throw ControlPlaneError.invalidArn("region", arn) }
        guard regions[context.key]?.tables[name] != nil else { throw ControlPlaneError.resourceArnNotFound(arn) }
        let table = try existingTable(name, shown: arn, context)
        // The tagging backend knows a table only while it is ACTIVE or UPDATING: for (nearly) all of CREATING
        // and DELETING the tag APIs answer not-found although DescribeTable succeeds (observed on AWS, 2026).
        let status = table.status(at: context.now)
        if status == "CREATING" || status == "DELETING" { throw ControlPlaneError.resourceArnNotFound(arn) }
        return table
    }
}
