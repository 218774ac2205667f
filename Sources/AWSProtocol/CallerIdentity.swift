#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Who made a call, in the terms CloudTrail's `userIdentity` block uses
/// (AWS: "CloudTrail userIdentity element",
/// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html).
/// Built by the auth layer, rendered by CloudTrail.
public struct CallerIdentity: Sendable, Equatable {
    /// CloudTrail's `userIdentity.type` values that DynamoTrail produces.
    public enum Kind: String, Sendable, CaseIterable {
        case root = "Root"
        case iamUser = "IAMUser"
        case assumedRole = "AssumedRole"
        case federatedUser = "FederatedUser"
        /// An unsigned (anonymous) caller; CloudTrail's anonymous form.
        case awsAccount = "AWSAccount"
    }

    public var type: Kind
    public var principalId: String
    /// Absent for anonymous callers.
    public var arn: String?
    public var accountId: String
    /// The access key the request was signed with; absent for anonymous callers.
    public var accessKeyId: String?
    /// `userName`: IAM users only (roles carry theirs in `sessionIssuer`).
    public var userName: String?
    /// Present for temporary credentials (assumed roles, federated users).
    public var sessionContext: SessionContext?

    public init(
        type: Kind, principalId: String, arn: String?, accountId: String, accessKeyId: String?,
        userName: String? = nil, sessionContext: SessionContext? = nil
    ) {
        self.type = type
        self.principalId = principalId
        self.arn = arn
        self.accountId = accountId
        self.accessKeyId = accessKeyId
        self.userName = userName
        self.sessionContext = sessionContext
    }
}
