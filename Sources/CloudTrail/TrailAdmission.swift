import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Whether the recorder takes new calls, readable from any thread without waiting for the recorder's
/// queue (the pipeline asks before every call), with the count of calls refused and the pacing of
/// attempts to win the reserve back.
///
/// Isolation: all mutable state sits in a `Mutex`; every method is short and does no I/O.
final class TrailAdmission: Sendable {
    private struct State {
        /// Why calls are refused; nil while they are accepted.
        var refusal: String?
        var refusedCalls = 0
        var restoreInFlight = false
        var lastRestoreAttempt: Date?
    }

    private let state = Mutex(State())

    /// Refusals ask for a new reserve attempt at most this often (a refused call is cheap; a
    /// `fallocate` per refused call under load is not).
    static let restoreInterval: TimeInterval = 1

    /// Nil while calls are accepted; else the reason, and the refusal is counted.
    func refuse() -> String? {
        state.withLock { state in
            guard let reason = state.refusal else { return nil }
            state.refusedCalls += 1
            return reason
        }
    }

    var refusal: String? { state.withLock { $0.refusal } }
    var refusedCalls: Int { state.withLock { $0.refusedCalls } }

    /// Stops taking calls (keeps the first reason until reopened).
    func close(_ reason: String) { state.withLock { if $0.refusal == nil { $0.refusal = reason } } }

    func open() { state.withLock { $0.refusal = nil } }

    /// True when the caller should try to restore the reserve now (none in flight and the last attempt
    /// at least `restoreInterval` ago); marks one in flight.
    func claimRestore(now: Date) -> Bool {
        state.withLock { state in
            guard !state.restoreInFlight else { return false }
            if let last = state.lastRestoreAttempt, now.timeIntervalSince(last) < Self.restoreInterval, now >= last {
                return false
            }
            state.restoreInFlight = true
            state.lastRestoreAttempt = now
            return true
        }
    }

    func restoreFinished() { state.withLock { $0.restoreInFlight = false } }
}
