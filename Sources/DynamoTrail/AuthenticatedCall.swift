import AWSProtocol

/// A call whose caller is known: the context every service and the audit layer get, plus what the caller may not do.
public struct AuthenticatedCall: Sendable {
    public var context: CallContext
    /// IAM-style action patterns (`dynamodb:DeleteTable`, `dynamodb:Describe*`) this caller is denied.
    public var deny: [String]

    public init(context: CallContext, deny: [String] = []) {
        self.context = context
        self.deny = deny
    }
}
