/// A request the server refuses before any handler sees it: the status to answer, then close.
public struct HTTPParseError: Error, Sendable, Equatable {
    public let status: Int
    public let reason: String
    public init(status: Int, reason: String) {
        self.status = status
        self.reason = reason
    }
}
