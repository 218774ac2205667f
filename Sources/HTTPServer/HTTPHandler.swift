/// What the server calls for every parsed request; it never sees sockets, so tests call `handle` directly
/// with a request built in memory (`HTTPRequest(method:target:headers:body:remoteAddress:)`).
public protocol HTTPHandler: Sendable {
    func handle(_ request: HTTPRequest) async -> HTTPResponse

    /// The answer, made on the connection's Dispatch thread without entering Swift concurrency (each hop
    /// there and back costs thread wake-ups), or nil to have `handle` answer. It may block briefly (locks,
    /// a journal write), never on asynchronous work.
    func handleImmediately(_ request: HTTPRequest) -> HTTPResponse?
}

extension HTTPHandler {
    /// Handlers answer asynchronously unless they say otherwise.
    public func handleImmediately(_ request: HTTPRequest) -> HTTPResponse? { nil }
}
