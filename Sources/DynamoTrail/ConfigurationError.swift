/// A configuration that cannot be used: which key, and why. The command line prints it as one line and exits 2.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Dotted path of the offending key (`server.port`, `accounts[1].identities[0].type`), or the flag / variable.
    public let key: String
    public let reason: String

    public init(key: String, reason: String) {
        self.key = key
        self.reason = reason
    }

    public var description: String { "\(key): \(reason)" }
}
