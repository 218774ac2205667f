import Synchronization

/// Live memory counters shared by the server and its connections, so tests and health can see what
/// clients make us hold: answer bytes queued and not yet taken by a peer (now and at the peak) and
/// read buffers allocated. Isolation: every counter is an `Atomic`, safe from any queue.
public final class HTTPServerGauges: Sendable {
    private let unsentOutput = Atomic<Int>(0)
    private let peakUnsentOutput = Atomic<Int>(0)
    private let readBuffers = Atomic<Int>(0)

    public init() {}

    /// Answer bytes queued for sockets and not yet written, across all connections.
    public var unsentOutputBytes: Int { unsentOutput.load(ordering: .relaxed) }

    /// The highest `unsentOutputBytes` seen since start (or since `resetPeak()`).
    public var peakUnsentOutputBytes: Int { peakUnsentOutput.load(ordering: .relaxed) }

    /// Bytes of read buffers the connections hold right now.
    public var readBufferBytes: Int { readBuffers.load(ordering: .relaxed) }

    /// Starts a new peak measurement from the current value.
    public func resetPeak() { peakUnsentOutput.store(unsentOutputBytes, ordering: .relaxed) }

    func addUnsentOutput(_ delta: Int) {
        let now = unsentOutput.add(delta, ordering: .relaxed).newValue
        if delta > 0 { peakUnsentOutput.max(now, ordering: .relaxed) }
    }

    func addReadBuffer(_ delta: Int) { readBuffers.add(delta, ordering: .relaxed) }
}
