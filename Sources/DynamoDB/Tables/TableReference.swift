import AWSProtocol

/// What the `TableName` member of Describe/Delete/Update… names: a table by name or by table ARN, or an index
/// ARN, which names no table (Unverified: AWS answers an index ARN with a ValidationException whose text is not
/// captured; it is reported as not found here).
struct TableReference: Sendable, Equatable {
    /// What the name or ARN designates.
    enum Target: Sendable, Equatable {
        /// The bare table name to look up.
        case table(String)
        /// An index ARN (`…:table/<name>/index/<index>`).
        case indexArn(String)
    }

    var target: Target
    /// The text a not-found message shows.
    var shown: String

    /// The table name to look up; nil for an index ARN.
    var tableName: String? {
        if case .table(let name) = target { return name }
        return nil
    }
}

extension DynamoDBService {
    /// Validates `TableName` on operations that accept a name or a table ARN (Describe/Delete/Update…):
    /// returns what it names and the text to show in a not-found message.
    static func tableReference(_ input: InputReader, _ validator: inout CoralValidator, _ context: RequestContext)
        throws(AWSServiceError) -> TableReference
    {
        guard let value = input.string("TableName") else { throw DynamoDBError.missingParameter("TableName") }
        if value.hasPrefix("arn:") {
            validator.length(value, at: "tableName", min: 1, max: 1024)
            if let error = validator.error { throw error }
            // A missing table given by ARN is reported by its bare name (observed on AWS, 2026); an index ARN
            // keeps the ARN.
            let target = try parseTableArn(value, context)
            switch target {
            case .table(let name): return TableReference(target: target, shown: name)
            case .indexArn: return TableReference(target: target, shown: value)
            }
        }
        validator.name(value, at: "tableName")
        return TableReference(target: .table(value), shown: value)
    }

    /// `arn:aws:dynamodb:<region>:<account>:table/<name>` → name (a foreign account or region names no table here).
    static func parseTableArn(_ arn: String, _ context: RequestContext) throws(AWSServiceError) -> TableReference.Target {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, ["aws", "aws-cn", "aws-us-gov"].contains(parts[1]) else {
            throw DynamoDBError.invalidArn("partition", arn)
        }
        guard parts[2] == "dynamodb" else { throw DynamoDBError.invalidArn("service", arn) }
        guard isRegionName(parts[3]) else { throw DynamoDBError.invalidArn("region", arn) }
        guard parts[5].hasPrefix("table/"), parts[5].count > 6 else {
            throw DynamoDBError.invalidArn("resource type", arn)
        }
        let name = String(parts[5].dropFirst(6))
        // Observed on AWS in 2026: another region's ARN is "Invalid AWS region", another account's is AccessDenied.
        guard parts[3] == context.region else { throw DynamoDBError.invalidArn("region", arn) }
        guard parts[4] == context.accountId else { throw DynamoDBError.accessDenied }
        return name.contains("/") ? .indexArn(arn) : .table(name)
    }

    /// `us-east-1`-shaped: lowercase words, then a number.
    static func isRegionName(_ region: String) -> Bool {
        let pieces = region.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count >= 3, let last = pieces.last, !last.isEmpty, last.allSatisfy(\.isNumber) else {
            return false
        }
        return pieces.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter && $0.isLowercase } }
    }
}
