#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

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
