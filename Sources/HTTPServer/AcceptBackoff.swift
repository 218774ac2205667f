/// How long the accept loop rests after `accept` failed for lack of resources (EMFILE, ENFILE,
/// ENOBUFS, ENOMEM): the listener stays readable while the connection waits in the backlog, so
/// retrying at once would spin a core. The rest doubles from 10 ms up to 1 s and resets after a
/// successful accept (our proposal).
struct AcceptBackoff: Sendable, Equatable {
    static let firstDelaySeconds = 0.01
    static let maxDelaySeconds = 1.0

    /// Failures since the last successful accept.
    private(set) var consecutiveFailures = 0
    private var nextDelaySeconds = Self.firstDelaySeconds

    /// Accept failed for lack of resources: answers how many seconds to pause accepting.
    mutating func failed() -> Double {
        let delay = nextDelaySeconds
        consecutiveFailures += 1
        nextDelaySeconds = min(nextDelaySeconds * 2, Self.maxDelaySeconds)
        return delay
    }

    /// A connection was accepted: the next failure starts from the shortest rest again.
    mutating func succeeded() {
        consecutiveFailures = 0
        nextDelaySeconds = Self.firstDelaySeconds
    }
}
