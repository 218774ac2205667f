import AWSProtocol

/// Stream ARN checks shared by the Streams operations.
extension DynamoDBService {
    /// Coral length 37..1024, then the ARN form `…:table/<name>/stream/<label>` ("Invalid StreamArn").
    static func checkStreamArn(_ arn: String, at path: String, _ validator: inout CoralValidator) {
        validator.length(arn, at: path, min: 37, max: 1024)
    }

    static func isWellFormedStreamArn(_ arn: String) -> Bool {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "dynamodb", isRegionName(String(parts[3])),
            parts[4].count == 12, parts[4].allSatisfy(\.isNumber)
        else { return false }
        let resource = parts[5].split(separator: "/", omittingEmptySubsequences: false)
        return resource.count == 4 && resource[0] == "table" && resource[2] == "stream"
            && CoralValidator.matchesNamePattern(String(resource[1])) && !resource[3].isEmpty
    }

    /// The stream record with this ARN (kept 24 h after disabling), or nil.
    func streamRecord(_ arn: String, _ context: RequestContext) -> StreamRecord? {
        regions[context.key]?.streams.first { $0.arn == arn && !$0.expired(at: context.now) }
    }
}
