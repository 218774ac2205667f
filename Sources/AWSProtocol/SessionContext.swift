#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

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
