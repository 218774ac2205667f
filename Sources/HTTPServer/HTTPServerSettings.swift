/// Limits and timeouts of the server (config `server` section).
public struct HTTPServerSettings: Sendable, Equatable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8000
    public var maxHeaderBytes: Int = 64 * 1024
    /// DynamoDB's request size limit: 16 MiB.
    public var maxBodyBytes: Int = 16 * 1024 * 1024
    /// Open connections at once; more are accepted and closed at once.
    public var maxConnections: Int = 4096
    /// Seconds an idle keep-alive connection stays open.
    public var idleTimeoutSeconds: Double = 60
    /// Seconds a client has to send a whole request once it started one.
    public var requestTimeoutSeconds: Double = 30
    /// Seconds queued answer bytes may wait with the peer taking none of them; then the connection
    /// closes (a client that never reads). Each write that makes progress restarts it.
    public var writeTimeoutSeconds: Double = 30

    public init() {}
}
