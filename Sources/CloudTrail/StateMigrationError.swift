/// Why an old layout could not be moved into the state directory; the server does not start (exit 2)
/// and nothing more is moved, so the next start can finish the job once the cause is fixed.
public struct StateMigrationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String

    public init(reason: String) { self.reason = reason }

    public var description: String { "cannot move the old state folder into the state directory: \(reason)" }
}
