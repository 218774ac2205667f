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
    /// The journal cannot take records now (its reserve is spent or it failed to write): new calls
    /// are refused before they change anything, until space returns.
    case unavailable(String)
    /// Another process (or another recorder in this one) holds the journal directory's lock.
    case locked(directory: String)

    public var description: String {
        switch self {
        case .notStarted: "trail recorder not started"
        case .stopped: "trail recorder stopped"
        case .journal(let error): "journal: \(error)"
        case .invalidEvent(let reason): "invalid event: \(reason)"
        case .unavailable(let reason): "not accepting calls: \(reason)"
        case .locked(let directory):
            "the state directory \(directory) is in use by another DynamoTrail server (its lock file \(directory)/lock is held); stop it or give this one another bucket or journal path"
        }
    }
}
