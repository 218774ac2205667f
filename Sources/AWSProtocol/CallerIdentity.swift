#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Who made a call, in the terms CloudTrail's `userIdentity` block uses
/// (reference/cloudtrail-format.md §2.3). Built by the auth layer, rendered by CloudTrail.
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

/// `userIdentity.sessionContext`: who issued the temporary credentials, and when.
public struct SessionContext: Sendable, Equatable {
    public var sessionIssuer: SessionIssuer?
    public var creationDate: Date
    public var mfaAuthenticated: Bool

    public init(sessionIssuer: SessionIssuer?, creationDate: Date, mfaAuthenticated: Bool) {
        self.sessionIssuer = sessionIssuer
        self.creationDate = creationDate
        self.mfaAuthenticated = mfaAuthenticated
    }
}

/// `sessionContext.sessionIssuer`: the role (or IAM user, for federation) behind a session.
public struct SessionIssuer: Sendable, Equatable {
    /// `Role` for assumed roles, `IAMUser` for federated users.
    public var type: String
    public var principalId: String
    public var arn: String
    public var accountId: String
    public var userName: String

    public init(type: String, principalId: String, arn: String, accountId: String, userName: String) {
        self.type = type
        self.principalId = principalId
        self.arn = arn
        self.accountId = accountId
        self.userName = userName
    }
}

/// Everything known about one call before a service handles it: handed to every service and to the audit layer.
public struct CallContext: Sendable {
    public var identity: CallerIdentity
    /// The account whose resources the call touches (the caller's account).
    public var accountId: String
    /// The region from the SigV4 credential scope, or the default region for unsigned calls.
    public var region: String
    public var sourceIPAddress: String
    public var userAgent: String
    /// The `x-amzn-RequestId` this call is answered with.
    public var requestId: String
    public var receivedAt: Date
    /// True when the request carried a session token (temporary credentials).
    public var usedSessionCredentials: Bool

    public init(
        identity: CallerIdentity, accountId: String, region: String, sourceIPAddress: String, userAgent: String,
        requestId: String, receivedAt: Date, usedSessionCredentials: Bool
    ) {
        self.identity = identity
        self.accountId = accountId
        self.region = region
        self.sourceIPAddress = sourceIPAddress
        self.userAgent = userAgent
        self.requestId = requestId
        self.receivedAt = receivedAt
        self.usedSessionCredentials = usedSessionCredentials
    }
}
