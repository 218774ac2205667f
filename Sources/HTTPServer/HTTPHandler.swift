/// What the server calls for every parsed request; it never sees sockets.
public protocol HTTPHandler: Sendable {
    func handle(_ request: HTTPRequest) async -> HTTPResponse
}
