import AWSProtocol
import CloudTrail

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The one trail DynamoTrail runs, as CloudTrail's `Trail` shape describes it (botocore model), and
/// how a `Name` (trail name or ARN) is resolved to it.
extension CloudTrailAPI {
    /// The trail belongs to the default account: `arn:aws:cloudtrail:<homeRegion>:<account>:trail/<name>`.
    var trailARN: String {
        "arn:aws:cloudtrail:\(trailSettings.homeRegion):\(homeAccountId):trail/\(trailSettings.name)"
    }

    /// The `Trail` structure, members in the model's order; absent options are left out.
    /// Decisions: the trail is multi-region with global service events (it records every region);
    /// `HasCustomEventSelectors` is true only when `readWriteType` is not `All` (a ReadOnly or
    /// WriteOnly selector is a custom one on AWS); the SNS topic is shown only when the webhook
    /// (DynamoTrail's SNS stand-in) is configured.
    var trailDescription: JSONValue {
        var trail = JSONObject()
        trail.append("Name", .string(trailSettings.name))
        trail.append("S3BucketName", .string(trailSettings.bucket.name))
        var prefix = trailSettings.bucket.keyPrefix
        while prefix.hasSuffix("/") { prefix.removeLast() }
        if !prefix.isEmpty { trail.append("S3KeyPrefix", .string(prefix)) }
        if trailSettings.notifications.webhookURL != nil {
            let topic =
                trailSettings.notifications.topicArn
                ?? "arn:aws:sns:\(trailSettings.homeRegion):\(homeAccountId):\(trailSettings.name)"
            trail.append("SnsTopicName", .string(topic.split(separator: ":").last.map(String.init) ?? topic))
            trail.append("SnsTopicARN", .string(topic))
        }
        trail.append("IncludeGlobalServiceEvents", .bool(true))
        trail.append("IsMultiRegionTrail", .bool(true))
        trail.append("HomeRegion", .string(trailSettings.homeRegion))
        trail.append("TrailARN", .string(trailARN))
        trail.append("LogFileValidationEnabled", .bool(trailSettings.digest.enabled))
        if trailSettings.encryption.type == "aws:kms", let key = trailSettings.encryption.kmsKeyId {
            trail.append("KmsKeyId", .string(key))
        }
        trail.append("HasCustomEventSelectors", .bool(trailSettings.readWriteType != .all))
        trail.append("HasInsightSelectors", .bool(false))
        trail.append("IsOrganizationTrail", .bool(!(trailSettings.organizationId ?? "").isEmpty))
        return .object(trail)
    }

    /// Whether `name` (a trail name or ARN) names the trail. Invalid names and ARNs fail with
    /// InvalidTrailNameException / CloudTrailARNInvalidException; valid others with TrailNotFoundException.
    func resolveTrail(_ name: String, context: CallContext) -> Result<Void, AWSServiceError> {
        if name.hasPrefix("arn:") {
            let parts = name.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[2] == "cloudtrail", parts[5].hasPrefix("trail/"), parts[5].count > 6 else {
                return .failure(CloudTrailError.invalidARN(name))
            }
            return name == trailARN ? .success(()) : .failure(CloudTrailError.trailNotFound(name, account: context.accountId))
        }
        if let problem = Self.trailNameProblem(name) { return .failure(CloudTrailError.invalidTrailName(problem)) }
        return name == trailSettings.name ? .success(()) : .failure(CloudTrailError.trailNotFound(name, account: context.accountId))
    }

    /// Reads the required `Name` member and resolves it.
    func requireTrail(_ input: CloudTrailInput, member: String = "Name", context: CallContext) -> Result<String, AWSServiceError> {
        let name: String?
        switch input.string(member) {
        case .failure(let error): return .failure(error)
        case .success(let value): name = value
        }
        guard let name else { return .failure(CloudTrailError.missing(member.prefix(1).lowercased() + member.dropFirst())) }
        return resolveTrail(name, context: context).map { name }
    }

    /// The trail-name rules of InvalidTrailNameException (botocore doc): 3-128 characters of
    /// `[A-Za-z0-9._-]`, starting and ending with a letter or number. Texts as moto words them ([PEER]).
    static func trailNameProblem(_ name: String) -> String? {
        let count = name.count
        if count < 3 {
            return "Trail name too short. Minimum allowed length: 3 characters. Specified name length: \(count) characters."
        }
        if count > 128 {
            return "Trail name too long. Maximum allowed length: 128 characters. Specified name length: \(count) characters."
        }
        func isAlphanumeric(_ character: Character) -> Bool { character.isASCII && (character.isLetter || character.isNumber) }
        if let first = name.first, !isAlphanumeric(first) { return "Trail name must starts with a letter or number." }
        if let last = name.last, !isAlphanumeric(last) { return "Trail name must ends with a letter or number." }
        if !name.allSatisfy({ isAlphanumeric($0) || $0 == "." || $0 == "-" || $0 == "_" }) {
            return
                "Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_)."
        }
        return nil
    }
}
