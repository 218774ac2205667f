import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// When the trail started and stopped logging (GetTrailStatus' StartLoggingTime/StopLoggingTime).
/// Logging starts with the server. Isolation: a lock guards the fields.
final class TrailLoggingState: @unchecked Sendable {
    private let lock = Mutex(())
    private var logging = true
    private var started: Date
    private var stopped: Date?

    init(startedAt: Date) { started = startedAt }

    struct Snapshot: Sendable {
        var isLogging: Bool
        var startedAt: Date
        var stoppedAt: Date?
    }

    var snapshot: Snapshot {
        lock.withLock { _ in Snapshot(isLogging: logging, startedAt: started, stoppedAt: stopped) }
    }

    /// Records a change; times move only on a real transition (a second StartLogging keeps the first time).
    func set(_ on: Bool, at time: Date) {
        lock.withLock { _ in
            guard on != logging else { return }
            logging = on
            if on { started = time } else { stopped = time }
        }
    }
}
