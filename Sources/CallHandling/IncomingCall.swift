import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One call as it reaches the pipeline: the service operation, its JSON input, and who may be calling.
/// The server builds it from an HTTP request; `sample` builds it from a simulated caller.
public struct IncomingCall: Sendable {
    /// How the caller is known.
    public enum Credentials: Sendable {
        /// A request still to be authenticated (SigV4 header or pre-signed query, or none).
        case signed(SigV4Request)
        /// A caller already known (the sample generator's simulated callers).
        case known(AuthenticatedCaller)
    }

    public var target: ServiceTarget
    /// The parsed body; nil when the body was empty.
    public var input: JSONValue?
    public var credentials: Credentials
    public var requestId: String
    public var receivedAt: Date
    public var sourceIPAddress: String
    public var userAgent: String

    public init(
        target: ServiceTarget, input: JSONValue?, credentials: Credentials, requestId: String, receivedAt: Date,
        sourceIPAddress: String, userAgent: String
    ) {
        self.target = target
        self.input = input
        self.credentials = credentials
        self.requestId = requestId
        self.receivedAt = receivedAt
        self.sourceIPAddress = sourceIPAddress
        self.userAgent = userAgent
    }
}
