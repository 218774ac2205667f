#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `userIdentity.sessionContext`: who issued the temporary credentials, through which web identity
/// provider if any, and when.
public struct SessionContext: Sendable, Equatable {
    public var sessionIssuer: SessionIssuer?
    /// Present only for sessions from `AssumeRoleWithWebIdentity`.
    public var webIdFederationData: WebIdFederationData?
    public var creationDate: Date
    public var mfaAuthenticated: Bool

    public init(
        sessionIssuer: SessionIssuer?, webIdFederationData: WebIdFederationData? = nil, creationDate: Date,
        mfaAuthenticated: Bool
    ) {
        self.sessionIssuer = sessionIssuer
        self.webIdFederationData = webIdFederationData
        self.creationDate = creationDate
        self.mfaAuthenticated = mfaAuthenticated
    }
}
