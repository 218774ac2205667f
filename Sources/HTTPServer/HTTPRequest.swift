/// One complete HTTP/1.x request as the parser produced it, or as a test builds it in memory to call
/// an `HTTPHandler` without a socket.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    /// The request target as sent (path and query, not decoded).
    public var target: String
    /// `1.0` or `1.1`, as (major, minor).
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The peer's IP address as text (`127.0.0.1`, `::1`); set by the connection, or given by a test.
    public var remoteAddress: String = ""

    /// A request as received: `target` is the path and query as sent (`/bucket/key?list-type=2`).
    public init(
        method: String, target: String, version: HTTPVersion = .http11, headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [], remoteAddress: String = ""
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// The target's path, before `?`.
    public var path: Substring { target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }

    /// The raw query string after `?`, or empty.
    public var query: Substring {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return target[target.index(after: mark)...]
    }

    /// Whether the client asked to keep the connection open (HTTP/1.1 default yes, HTTP/1.0 default no).
    public var wantsKeepAlive: Bool {
        let tokens = headers.values("Connection").flatMap { $0.split(separator: ",") }.map {
            $0.trimmingWhitespace().lowercased()
        }
        if tokens.contains("close") { return false }
        if version == .http10 { return tokens.contains("keep-alive") }
        return true
    }
}
