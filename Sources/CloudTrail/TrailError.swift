/// Why `record` (or `start`) failed.
public enum TrailError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `start()` has not been called.
    case notStarted
    /// `shutdown()` has run, or the recorder crashed (tests).
    case stopped
    /// The journal could not be written or synced: the record is not durable and must not be acknowledged.
    case journal(FileIOError)
    /// The event's account or region cannot name an S3 key segment (empty, `.`/`..`, or
    /// characters outside `[A-Za-z0-9._-]`): refused rather than written outside its folder.
    case invalidEvent(String)

    public var description: String {
        switch self {
        case .notStarted: "trail recorder not started"
        case .stopped: "trail recorder stopped"
        case .journal(let error): "journal: \(error)"
        case .invalidEvent(let reason): "invalid event: \(reason)"
        }
    }
}
