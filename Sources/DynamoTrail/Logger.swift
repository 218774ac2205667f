#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes log lines to stderr, one write each so concurrent lines never interleave.
/// Sendable and immutable: safe from any thread.
public struct Logger: Sendable {
    public let level: Configuration.LogLevel

    public init(level: Configuration.LogLevel) { self.level = level }

    private static let order: [Configuration.LogLevel] = [.debug, .info, .warn, .error]

    public func enabled(_ level: Configuration.LogLevel) -> Bool {
        (Self.order.firstIndex(of: level) ?? 0) >= (Self.order.firstIndex(of: self.level) ?? 0)
    }

    public func log(_ level: Configuration.LogLevel, _ message: @autoclosure () -> String) {
        guard enabled(level) else { return }
        // One write per line (a closed stderr is ignored, never a trap).
        Platform.StandardStream.error.write("dynamotrail: \(message())\n")
    }

    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    public func warn(_ message: @autoclosure () -> String) { log(.warn, message()) }
    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }
}
