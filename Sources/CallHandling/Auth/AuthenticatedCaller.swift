import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Who made a call once authentication succeeded: the CloudTrail identity, the account and region the
/// call acts in, whether temporary credentials were used, and the caller's deny permissions.
public struct AuthenticatedCaller: Sendable, Equatable {
    public var identity: CallerIdentity
    /// The account whose resources the call touches (the caller's; the default account for anonymous calls).
    public var accountId: String
    /// The SigV4 credential scope's region, or the default region for unsigned calls.
    public var region: String
    /// True when the request carried `X-Amz-Security-Token`.
    public var usedSessionCredentials: Bool
    public var deny: DenyList

    public init(identity: CallerIdentity, accountId: String, region: String, usedSessionCredentials: Bool, deny: DenyList = DenyList()) {
        self.identity = identity
        self.accountId = accountId
        self.region = region
        self.usedSessionCredentials = usedSessionCredentials
        self.deny = deny
    }

    /// True when the caller's deny list covers `action` (e.g. `dynamodb:DeleteTable`).
    public func isDenied(action: String) -> Bool { deny.isDenied(action: action) }

    /// The AccessDeniedException for `action` on `resource`, naming this caller's ARN.
    public func accessDenied(action: String, resource: String) -> AWSServiceError {
        AccessDenied.jsonError(callerArn: identity.arn, action: action, resource: resource)
    }

    /// The `CallContext` handed to services and the audit layer, with the transport details filled in.
    public func callContext(sourceIPAddress: String, userAgent: String, requestId: String, receivedAt: Date) -> CallContext {
        CallContext(
            identity: identity, accountId: accountId, region: region, sourceIPAddress: sourceIPAddress,
            userAgent: userAgent, requestId: requestId, receivedAt: receivedAt,
            usedSessionCredentials: usedSessionCredentials)
    }
}
