/// The `auth` section: `lenient` accepts any well-formed signature (the key names the caller), `enforce`
/// verifies SigV4 against the configured secrets. Unsigned requests are refused in both modes, as
/// DynamoDB Local refuses them, unless `allowAnonymous` lets lenient mode take them (curl demos).
public struct AuthSettings: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable { case lenient, enforce }
    public var mode: Mode = .lenient
    /// Lenient mode only: an unsigned request is an anonymous caller of the default account instead of
    /// `MissingAuthenticationTokenException`.
    public var allowAnonymous = false
    public init() {}
}
