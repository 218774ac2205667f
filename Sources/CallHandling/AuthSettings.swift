/// The `auth` section: `lenient` accepts any credentials, `enforce` verifies SigV4.
public struct AuthSettings: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable { case lenient, enforce }
    public var mode: Mode = .lenient
    public init() {}
}
