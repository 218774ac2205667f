import Dispatch

/// What one HTTP/1.x connection knows and decides, with no sockets: it takes events (bytes received,
/// a handler's response, bytes written, the peer's half-close, a timer, shutdown) and answers the
/// actions the socket layer must perform (`HTTPConnection` is that layer). Pipelined requests go to
/// the handler one at a time and are answered in order; keep-alive, `100 Continue`, idle and
/// slow-request (408) timeouts, shutdown draining and parse-error answers are decided here.
/// A value type: whoever owns it serializes the events (`HTTPConnection` does so on its queue).
struct HTTPConnectionState: Sendable {
    /// What the socket layer must do, in the order given.
    enum Action: Sendable, Equatable {
        /// Queue these bytes after any still unsent, and write them; report progress with `written`.
        case send([UInt8])
        /// Run the handler on this request; report its answer with `responded`.
        case handle(HTTPRequest)
        /// Stop reading until `resumeReading` (back-pressure: the client is far ahead of us).
        case pauseReading
        case resumeReading
        /// Stop sending (half-close), so the peer reads our last answer before the connection ends.
        case shutdownWrite
        /// (Re)schedule the single timer for this deadline; nil means no timer.
        case armTimer(DispatchTime?)
        /// Close the connection now.
        case close
    }

    /// How long the connection's timers run.
    struct Timeouts: Sendable {
        /// Seconds an idle keep-alive connection stays open.
        var idleSeconds: Double
        /// Seconds a client has to send a whole request once it started one.
        var requestSeconds: Double
        /// Seconds we keep draining a refused client's bytes after our answer, before closing.
        var lingerSeconds: Double = 2
    }

    /// Where the connection is in its life.
    enum Phase: Sendable, Equatable {
        /// Reading and answering requests.
        case open
        /// The last answer is queued (refusal or no keep-alive): close once it is written.
        case closingAfterWrite
        /// Our last answer is written and our side half-closed; the peer's bytes are read and dropped.
        case lingering
        case closed
    }

    /// A parsed request waiting for the handler, or the refusal that ends the connection.
    private enum Pending: Sendable {
        case request(HTTPRequest)
        case refusal(HTTPParseError)
    }

    /// Pipelined requests queued beyond this many pause reading.
    static let maxPendingRequests = 64
    /// Unsent answer bytes beyond this many pause reading.
    static let maxUnsentBytes = 4 * 1024 * 1024

    private let timeouts: Timeouts
    private let remoteAddress: String
    /// The `Date` header value for an answer written now (injected so tests need no clock).
    private let httpDate: @Sendable () -> String

    private var parser: HTTPRequestParser
    private var pending: [Pending] = []
    private(set) var phase = Phase.open
    /// The handler is working on a request; its answer comes back through `responded`.
    private(set) var handlerRunning = false
    /// A pipelined request asked for `100 Continue` while an earlier one was still being answered.
    private var owesContinue = false
    /// Bytes handed out in `send` actions and not yet reported `written`.
    private(set) var unsentByteCount = 0
    /// The peer half-closed (end of stream): answer what it sent, then close.
    private(set) var peerFinishedSending = false
    /// A refusal is queued: bytes after it are no longer parsed.
    private var parsingStopped = false
    private(set) var shuttingDown = false
    /// When the request being received must be complete (or, lingering, when to give up draining).
    private(set) var requestDeadline: DispatchTime?
    /// When an idle keep-alive connection closes.
    private(set) var idleDeadline: DispatchTime?

    init(
        remoteAddress: String, limits: HTTPRequestParser.Limits, timeouts: Timeouts,
        httpDate: @escaping @Sendable () -> String
    ) {
        self.remoteAddress = remoteAddress
        self.timeouts = timeouts
        self.httpDate = httpDate
        self.parser = HTTPRequestParser(limits: limits)
    }

    var isClosed: Bool { phase == .closed }

    /// Nothing in progress: no request being received, queued, handled or answered.
    var isIdle: Bool { !handlerRunning && pending.isEmpty && unsentByteCount == 0 && !parser.isMidRequest }

    // MARK: Events

    /// The connection was accepted: the idle timer starts.
    mutating func started(now: DispatchTime) -> [Action] {
        idleDeadline = now + timeouts.idleSeconds
        return armTimer()
    }

    /// Bytes arrived from the peer: parse them, queue what completes, start the next request.
    mutating func received(_ bytes: some Collection<UInt8>, now: DispatchTime) -> [Action] {
        guard !isClosed, phase != .lingering, !parsingStopped else { return [] }  // draining after a refusal: discard
        parser.append(bytes)
        if requestDeadline == nil, parser.isMidRequest {
            requestDeadline = now + timeouts.requestSeconds
            idleDeadline = nil
        }
        return parseAvailable(now: now)
    }

    /// Everything the peer sent so far has been read: wait for more, with the current timer.
    func waitingForBytes() -> [Action] { armTimer() }

    /// The peer ended its side (end of stream). Close now unless something is still owed to it.
    mutating func peerHalfClosed() -> [Action] {
        guard !isClosed else { return [] }
        peerFinishedSending = true
        if phase == .lingering || isIdle || parser.isMidRequest && !handlerRunning && pending.isEmpty { return close() }
        return []
    }

    /// The handler answered `request`: queue the answer, decide keep-alive, start the next request.
    mutating func responded(to request: HTTPRequest, with response: HTTPResponse, now: DispatchTime) -> [Action] {
        handlerRunning = false
        guard !isClosed else { return [] }
        let keepAlive =
            request.wantsKeepAlive && !response.closeConnection && !(shuttingDown && pending.isEmpty)
            && !(peerFinishedSending && pending.isEmpty)
        if !keepAlive { phase = .closingAfterWrite }
        var actions = [
            send(
                HTTPResponseEncoder.encode(
                    response, version: request.version, keepAlive: keepAlive, omitBody: request.method == "HEAD",
                    date: httpDate()))
        ]
        guard keepAlive else { return actions }
        if owesContinue, pending.isEmpty {
            owesContinue = false
            actions.append(send(HTTPResponseEncoder.continueResponse))
        }
        if pending.count <= Self.maxPendingRequests { actions.append(.resumeReading) }
        actions += startNext()
        return actions + armTimer()
    }

    /// The socket took `byteCount` more of the queued bytes. Once all are written: close (or linger)
    /// if that was the last answer, close an idle connection during shutdown, else start the idle timer.
    mutating func written(byteCount: Int, now: DispatchTime) -> [Action] {
        guard !isClosed else { return [] }
        unsentByteCount -= byteCount
        guard unsentByteCount == 0 else { return [] }
        if phase == .closingAfterWrite {
            guard parsingStopped && !peerFinishedSending else { return close() }
            // Refused mid-request: the client may still be sending. Half-close so it reads our answer,
            // then drain its bytes briefly instead of resetting the connection under it.
            phase = .lingering
            requestDeadline = now + timeouts.lingerSeconds
            return [.shutdownWrite, .resumeReading] + armTimer()
        }
        if shuttingDown, isIdle { return close() }
        if isIdle {
            idleDeadline = now + timeouts.idleSeconds
            return armTimer()
        }
        return []
    }

    /// The socket refused our bytes: the peer is gone.
    mutating func writeFailed() -> [Action] { close() }

    /// The timer fired: give up lingering, answer a slow request with 408, or close an idle connection.
    mutating func timerFired(now: DispatchTime) -> [Action] {
        guard !isClosed else { return [] }
        if phase == .lingering { return close() }
        if parser.isMidRequest, !handlerRunning, let requestDeadline, now >= requestDeadline {
            // A slow client (slowloris): answer 408 and close.
            parsingStopped = true
            pending.append(.refusal(HTTPParseError(status: 408, reason: "request not completed in time")))
            return startNext()
        }
        if isIdle, let idleDeadline, now >= idleDeadline { return close() }
        return armTimer()
    }

    /// Server shutdown: answer what was received, then close; an idle connection closes now.
    mutating func shutdownRequested() -> [Action] {
        guard !isClosed else { return [] }
        shuttingDown = true
        return isIdle ? close() : []
    }

    /// The shutdown grace period is over: close at once.
    mutating func forceClosed() -> [Action] { close() }

    // MARK: Transitions

    private mutating func parseAvailable(now: DispatchTime) -> [Action] {
        var actions: [Action] = []
        while !parsingStopped {
            do {
                guard let event = try parser.next() else { break }
                switch event {
                case .expectContinue:
                    if !handlerRunning && pending.isEmpty {
                        actions.append(send(HTTPResponseEncoder.continueResponse))
                    } else {
                        owesContinue = true
                    }
                case .request(var request):
                    request.remoteAddress = remoteAddress
                    requestDeadline = nil
                    pending.append(.request(request))
                }
            } catch {
                pending.append(.refusal(error))
                parsingStopped = true
            }
        }
        if requestDeadline == nil, parser.isMidRequest { requestDeadline = now + timeouts.requestSeconds }
        // Back-pressure: a client that pipelines without reading answers waits until we catch up.
        if pending.count > Self.maxPendingRequests || unsentByteCount > Self.maxUnsentBytes {
            actions.append(.pauseReading)
        }
        return actions + startNext()
    }

    /// Hands the next queued request to the handler, or writes the queued refusal.
    private mutating func startNext() -> [Action] {
        guard !handlerRunning, phase == .open, !pending.isEmpty else { return [] }
        switch pending.removeFirst() {
        case .refusal(let error):
            let response = HTTPResponse(
                status: error.status, headers: HTTPHeaders(["Content-Type": "text/plain"]), text: error.reason + "\n")
            phase = .closingAfterWrite
            return [send(HTTPResponseEncoder.encode(response, keepAlive: false, date: httpDate()))]
        case .request(let request):
            handlerRunning = true
            return [.handle(request)]
        }
    }

    private mutating func send(_ bytes: [UInt8]) -> Action {
        unsentByteCount += bytes.count
        return .send(bytes)
    }

    /// The timer for the current situation: the request deadline while one is being received (or
    /// while lingering), the idle deadline while idle, none while a request is handled or answered.
    private func armTimer() -> [Action] {
        guard !isClosed else { return [] }
        let deadline: DispatchTime? =
            if phase == .lingering || parser.isMidRequest { requestDeadline } else if isIdle { idleDeadline } else { nil }
        return [.armTimer(deadline)]
    }

    private mutating func close() -> [Action] {
        guard !isClosed else { return [] }
        phase = .closed
        return [.close]
    }
}
