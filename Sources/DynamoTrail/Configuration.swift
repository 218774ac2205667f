import AWSProtocol
import CallHandling
import CloudTrail
import DynamoDB
import HTTPServer

/// Everything DynamoTrail runs with. Defaults live here; `config.json`, `DYNAMOTRAIL_*` variables
/// and flags override them, in that order (see `Configuration+Loading.swift`).
public struct Configuration: Sendable {
    /// How much goes to stderr: `info` logs a line per request, `warn` only problems.
    public enum LogLevel: String, Sendable, CaseIterable { case debug, info, warn, error }

    public var server = HTTPServerSettings()
    public var logLevel: LogLevel = .info
    public var auth = AuthSettings()
    public var accounts: [AccountSettings] = [AccountSettings(accountId: "123456789012", alias: "default", isDefault: true)]
    /// The region of unsigned calls (and of calls whose credential scope names none).
    public var defaultRegion = "us-east-1"
    /// The `Host` names the server answers to (`server.allowedHosts`; `"*"`: any); nil: the loopback
    /// names for a loopback server, any host otherwise (see `HostPolicy`).
    public var allowedHosts: [String]? = nil
    public var dynamodb = DynamoDBSettings()
    public var trail = TrailSettings()
    public var journal = JournalSettings()

    public init() {}

    /// The account that unknown keys and unsigned calls belong to.
    public var defaultAccount: AccountSettings {
        accounts.first(where: \.isDefault) ?? accounts.first ?? AccountSettings(accountId: "123456789012", isDefault: true)
    }
}
