import AWSProtocol
import CloudTrail

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The trail each caller sees, as CloudTrail's `Trail` shape describes it (botocore model), and how a
/// `Name` (trail name or ARN) is resolved to it.
///
/// Without `trail.organizationId` every account has its own trail of the configured name and settings
/// (`arn:aws:cloudtrail:<home>:<caller's account>:trail/<name>`), recording that account's calls only: only
/// an organization trail logs the events of other (member) accounts ("Creating a trail for an
/// organization"). With it, there is one organization trail
/// in the home (management) account; a member account sees it as a shadow trail ("DescribeTrails":
/// "in the case of an organization trail, the replication of an organization trail in member accounts")
/// and must name it by ARN ("GetTrailStatus": "If the trail is an organization trail and you are a member
/// account …, you must provide the full ARN of that trail, and not just the name").
extension CloudTrailAPI {
    /// Whether the trail is the organization trail.
    var isOrganizationTrail: Bool { !(trailSettings.organizationId ?? "").isEmpty }

    /// The account owning the trail the caller sees: the management account's organization trail, or the caller's own.
    func trailOwner(_ context: CallContext) -> String { isOrganizationTrail ? homeAccountId : context.accountId }

    /// True when the caller is a member account looking at the organization trail (a shadow trail to it).
    func seesOrganizationShadow(_ context: CallContext) -> Bool { isOrganizationTrail && context.accountId != homeAccountId }

    /// Whose logging state StartLogging/StopLogging/GetTrailStatus use: the caller's own trail, or (nil) the organization trail.
    func loggingAccount(_ context: CallContext) -> String? { isOrganizationTrail ? nil : context.accountId }

    /// `arn:aws:cloudtrail:<homeRegion>:<owner>:trail/<name>`.
    func trailARN(_ context: CallContext) -> String {
        "arn:aws:cloudtrail:\(trailSettings.homeRegion):\(trailOwner(context)):trail/\(trailSettings.name)"
    }

    /// The `Trail` structure, members in the model's order; absent options are left out.
    /// Decisions: the trail is multi-region with global service events (it records every region);
    /// `HasCustomEventSelectors` is true when the trail's selectors are not a new trail's
    /// (`TrailEventSelectors.isCustom`); the SNS topic is shown only when the webhook
    /// (DynamoTrail's SNS stand-in) is configured, by default in the trail owner's account.
    func trailDescription(_ context: CallContext) -> JSONValue {
        var trail = JSONObject()
        trail.append("Name", .string(trailSettings.name))
        trail.append("S3BucketName", .string(trailSettings.bucket.name))
        var prefix = trailSettings.bucket.keyPrefix
        while prefix.hasSuffix("/") { prefix.removeLast() }
        if !prefix.isEmpty { trail.append("S3KeyPrefix", .string(prefix)) }
        if trailSettings.notifications.webhookURL != nil {
            let topic =
                trailSettings.notifications.topicArn
                ?? "arn:aws:sns:\(trailSettings.homeRegion):\(trailOwner(context)):\(trailSettings.name)"
            trail.append("SnsTopicName", .string(topic.split(separator: ":").last.map(String.init) ?? topic))
            trail.append("SnsTopicARN", .string(topic))
        }
        trail.append("IncludeGlobalServiceEvents", .bool(true))
        trail.append("IsMultiRegionTrail", .bool(true))
        trail.append("HomeRegion", .string(trailSettings.homeRegion))
        trail.append("TrailARN", .string(trailARN(context)))
        trail.append("LogFileValidationEnabled", .bool(trailSettings.digest.enabled))
        if trailSettings.encryption.type == "aws:kms", let key = trailSettings.encryption.kmsKeyId {
            trail.append("KmsKeyId", .string(key))
        }
        trail.append("HasCustomEventSelectors", .bool(recorder.selection.selectors(account: loggingAccount(context)).isCustom))
        trail.append("HasInsightSelectors", .bool(false))
        trail.append("IsOrganizationTrail", .bool(isOrganizationTrail))
        return .object(trail)
    }

    /// Whether `name` (a trail name or ARN) names the trail the caller sees. Invalid names and ARNs fail with
    /// InvalidTrailNameException / CloudTrailARNInvalidException; valid others, another account's trail ARN
    /// and a member account naming the organization trail by name, with TrailNotFoundException.
    func resolveTrail(_ name: String, context: CallContext) -> Result<Void, AWSServiceError> {
        if name.hasPrefix("arn:") {
            let parts = name.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[2] == "cloudtrail", parts[5].hasPrefix("trail/"), parts[5].count > 6 else {
                return .failure(CloudTrailError.invalidARN(name))
            }
            return name == trailARN(context)
                ? .success(()) : .failure(CloudTrailError.trailNotFound(name, account: context.accountId))
        }
        if let problem = Self.trailNameProblem(name) { return .failure(CloudTrailError.invalidTrailName(problem)) }
        return name == trailSettings.name && !seesOrganizationShadow(context)
            ? .success(()) : .failure(CloudTrailError.trailNotFound(name, account: context.accountId))
    }

    /// Why a call that changes the trail (StartLogging, StopLogging, PutEventSelectors) is refused, or nil:
    /// the trail named by `member` must resolve; the call must come from the trail's home region
    /// (InvalidHomeRegionException; text Unverified) and not from a member account of an organization
    /// trail (NotOrganizationMasterAccountException; text Unverified).
    func refusedTrailChange(_ input: CloudTrailInput, member: String, context: CallContext) -> AWSServiceError? {
        if case .failure(let error) = requireTrail(input, member: member, context: context) { return error }
        guard context.region == trailSettings.homeRegion else {
            return CloudTrailError.make(
                "InvalidHomeRegionException",
                "This operation must be called from the trail's home region, \(trailSettings.homeRegion).")
        }
        if seesOrganizationShadow(context) {
            return CloudTrailError.make(
                "NotOrganizationMasterAccountException",
                "The request was made from an account that is not the management account of the organization.")
        }
        return nil
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
