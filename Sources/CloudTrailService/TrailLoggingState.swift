import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// When the trail started and stopped logging (GetTrailStatus' StartLoggingTime/StopLoggingTime).
/// Logging starts with the server. Isolation: a `Mutex` holds the snapshot.
final class TrailLoggingState: Sendable {
    struct Snapshot: Sendable {
        var isLogging: Bool
        var startedAt: Date
        var stoppedAt: Date?
    }

    private let state: Mutex<Snapshot>

    init(startedAt: Date) { state = Mutex(Snapshot(isLogging: true, startedAt: startedAt, stoppedAt: nil)) }

    var snapshot: Snapshot { state.withLock { $0 } }

    /// Records a change; times move only on a real transition (a second StartLogging keeps the first time).
    func set(_ on: Bool, at time: Date) {
        state.withLock { state in
            guard on != state.isLogging else { return }
            state.isLogging = on
            if on { state.startedAt = time } else { state.stoppedAt = time }
        }
    }
}
