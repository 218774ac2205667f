/// What the server calls for every parsed request; it never sees sockets, so tests call `handle` directly
/// with a request built in memory (`HTTPRequest(method:target:headers:body:remoteAddress:)`).
public protocol HTTPHandler: Sendable {
    func handle(_ request: HTTPRequest) async -> HTTPResponse
}
