import AWSProtocol

/// A call whose caller is known: the authenticated caller (with what it may not do) and the context
/// every service and the audit layer get.
public struct AuthenticatedCall: Sendable {
    public var caller: AuthenticatedCaller
    public var context: CallContext

    public init(caller: AuthenticatedCaller, context: CallContext) {
        self.caller = caller
        self.context = context
    }
}
