#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

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
