import Dispatch
import Testing

@testable import HTTPServer

/// Drives an `HTTPConnectionState` as `HTTPConnection` does, with no socket: it records what would be
/// sent, which requests reach the handler, the timer and whether the connection closed. Time moves
/// only when a test says so.
struct ConnectionHarness {
    static let date = "Thu, 03 Dec 2026 12:00:00 GMT"
    static let start = DispatchTime(uptimeNanoseconds: 1_000_000_000_000)

    var state: HTTPConnectionState
    var now = Self.start
    /// Every byte the state asked to send, in order.
    var sent: [UInt8] = []
    /// Bytes sent but not yet reported written (`writeEverything()` reports them).
    var unsent = 0
    /// Requests handed to the handler and not yet answered, oldest first.
    var handling: [HTTPRequest] = []
    /// The timer's deadline: nil = never armed, .some(nil) = disarmed.
    var timer: DispatchTime??
    var readPaused = false
    var halfClosed = false
    var closed = false
    /// The actions of the last event, for tests that check them exactly.
    var lastActions: [HTTPConnectionState.Action] = []

    init(
        idleSeconds: Double = 60, requestSeconds: Double = 30, writeSeconds: Double = 30,
        limits: HTTPRequestParser.Limits = .init()
    ) {
        state = HTTPConnectionState(
            remoteAddress: "192.0.2.7", limits: limits,
            timeouts: .init(idleSeconds: idleSeconds, requestSeconds: requestSeconds, writeSeconds: writeSeconds),
            httpDate: { ConnectionHarness.date })
        apply(state.started(now: now))
    }

    /// Everything sent so far as text, and forgets it.
    mutating func takeSent() -> String {
        defer { sent = [] }
        return String(decoding: sent, as: UTF8.self)
    }

    /// The peer sends `text`, whole or one byte at a time; then the socket has nothing more to read.
    mutating func receive(_ text: String, byteByByte: Bool = false) {
        let bytes = Array(text.utf8)
        if byteByByte {
            for byte in bytes { apply(state.received([byte], now: now)) }
        } else {
            apply(state.received(bytes, now: now))
        }
        apply(state.waitingForBytes())
    }

    /// The socket takes every queued byte.
    mutating func writeEverything() {
        guard unsent > 0 else { return }
        let count = unsent
        unsent = 0
        apply(state.written(byteCount: count, now: now))
    }

    /// The socket takes only `count` of the queued bytes.
    mutating func write(byteCount count: Int) {
        unsent -= count
        apply(state.written(byteCount: count, now: now))
    }

    /// The handler answers the oldest request it holds.
    mutating func answer(_ response: HTTPResponse = HTTPResponse(status: 200, text: "ok")) {
        let request = handling.removeFirst()
        apply(state.responded(to: request, with: response, now: now))
    }

    /// Moves the clock on and fires the timer.
    mutating func fireTimer(after seconds: Double) {
        now = now + seconds
        apply(state.timerFired(now: now))
    }

    mutating func peerHalfCloses() { apply(state.peerHalfClosed()) }

    mutating func shutDown() { apply(state.shutdownRequested()) }

    mutating func apply(_ actions: [HTTPConnectionState.Action]) {
        lastActions = actions
        for action in actions {
            switch action {
            case .send(let bytes):
                sent += bytes
                unsent += bytes.count
            case .handle(let request): handling.append(request)
            case .pauseReading: readPaused = true
            case .resumeReading: readPaused = false
            case .shutdownWrite: halfClosed = true
            case .armTimer(let deadline): timer = .some(deadline)
            case .close: closed = true
            }
        }
    }
}

/// `HTTP/1.1 200 OK` with body "ok" as the state encodes it; `connection` adds that header, and a
/// HEAD answer keeps the length but drops the body.
func okResponse(connection: String? = nil, withBody: Bool = true) -> String {
    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nDate: \(ConnectionHarness.date)\r\n"
        + (connection.map { "Connection: \($0)\r\n" } ?? "") + "\r\n" + (withBody ? "ok" : "")
}
