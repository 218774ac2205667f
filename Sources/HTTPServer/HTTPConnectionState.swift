import Dispatch

/// What one HTTP/1.x connection knows and decides, with no sockets: it takes events (bytes received,
/// a handler's response, bytes written, the peer's half-close, a timer, shutdown) and answers the
/// actions the socket layer must perform (`HTTPConnection` is that layer). Pipelined requests go to
/// the handler one at a time and are answered in order; keep-alive, `100 Continue`, idle and
/// slow-request (408) and write timeouts, back-pressure, shutdown draining and parse-error answers
/// are decided here.
/// A value type: whoever owns it serializes the events (`HTTPConnection` does so on its queue).
struct HTTPConnectionState: Sendable {
    /// What the socket layer must do, in the order given.
    enum Action: Sendable, Equatable {
        /// Queue these bytes after any still unsent, and write them; report progress with `written`.
        case send([UInt8])
        /// Run the handler on this request; report its answer with `responded`.
        case handle(HTTPRequest)
        /// Stop reading until `resumeReading` (back-pressure: a request already waits for its turn).
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
        /// Seconds unsent answer bytes may wait without the peer taking any of them, before closing.
        var writeSeconds: Double = 30
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

    /// The next pipelined request goes to the handler only once at most this many answer bytes are
    /// unsent, so a connection buffers at most one answer plus this much (our proposal: 64 KiB).
    static let maxUnsentBytesBeforeNextRequest = 64 * 1024

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
    /// We asked the socket layer to stop reading (a parsed request waits its turn).
    private(set) var readingPaused = false
    /// The peer half-closed (end of stream): answer what it sent, then close.
    private(set) var peerFinishedSending = false
    /// A refusal is queued: bytes after it are no longer parsed.
    private var parsingStopped = false
    private(set) var shuttingDown = false
    /// When the request being received must be complete (or, lingering, when to give up draining).
    private(set) var requestDeadline: DispatchTime?
    /// When an idle keep-alive connection closes.
    private(set) var idleDeadline: DispatchTime?
    /// When unsent bytes the peer has not taken any of close the connection (restarted by each write).
    private(set) var writeDeadline: DispatchTime?

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

    /// A request has begun arriving and is not complete (the socket layer keeps a read buffer).
    var isReceivingRequest: Bool { parser.isMidRequest }

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
        var actions = sendAnswer(response, to: request, keepAlive: keepAlive, now: now)
        guard keepAlive else { return actions + armTimer() }
        if owesContinue, pending.isEmpty {
            owesContinue = false
            actions.append(send(HTTPResponseEncoder.continueResponse, now: now))
        }
        actions += startNext(now: now)
        return actions + adjustReading() + armTimer()
    }

    /// The socket took `byteCount` more of the queued bytes. Once all are written: close (or linger)
    /// if that was the last answer, close an idle connection during shutdown, else start the idle timer.
    mutating func written(byteCount: Int, now: DispatchTime) -> [Action] {
        guard !isClosed else { return [] }
        unsentByteCount -= byteCount
        if byteCount > 0 { writeDeadline = now + timeouts.writeSeconds }
        guard unsentByteCount == 0 else {
            // The peer is reading: the next pipelined request may start once little is left unsent.
            let next = startNext(now: now)
            return next.isEmpty ? [] : next + adjustReading() + armTimer()
        }
        writeDeadline = nil
        if phase == .closingAfterWrite {
            guard parsingStopped && !peerFinishedSending else { return close() }
            // Refused mid-request: the client may still be sending. Half-close so it reads our answer,
            // then drain its bytes briefly instead of resetting the connection under it.
            phase = .lingering
            requestDeadline = now + timeouts.lingerSeconds
            readingPaused = false
            return [.shutdownWrite, .resumeReading] + armTimer()
        }
        if isIdle, shuttingDown || peerFinishedSending { return close() }
        if isIdle {
            idleDeadline = now + timeouts.idleSeconds
            return armTimer()
        }
        // Time spent waiting for the peer to read does not count against its next request.
        if !handlerRunning, pending.isEmpty, parser.isMidRequest { requestDeadline = now + timeouts.requestSeconds }
        return startNext(now: now) + adjustReading() + armTimer()
    }

    /// The socket refused our bytes: the peer is gone.
    mutating func writeFailed() -> [Action] { close() }

    /// The timer fired: give up lingering, answer a slow request with 408, or close an idle connection.
    mutating func timerFired(now: DispatchTime) -> [Action] {
        guard !isClosed else { return [] }
        if phase == .lingering { return close() }
        if unsentByteCount > 0 {
            // A peer that takes none of our bytes for the write timeout is not reading: give up on it.
            if let writeDeadline, now >= writeDeadline { return close() }
            return armTimer()
        }
        if parser.isMidRequest, !handlerRunning, pending.isEmpty, let requestDeadline, now >= requestDeadline {
            // A slow client (slowloris): answer 408 and close.
            parsingStopped = true
            pending.append(.refusal(HTTPParseError(status: 408, reason: "request not completed in time")))
            return startNext(now: now) + armTimer()
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
                        actions.append(send(HTTPResponseEncoder.continueResponse, now: now))
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
        if !parser.isMidRequest { parser.releaseSpareCapacity() }
        return actions + startNext(now: now) + adjustReading()
    }

    /// Hands the next queued request to the handler, or writes the queued refusal, once the earlier
    /// answers are (nearly) sent: a client that pipelines without reading gets one answer at a time.
    private mutating func startNext(now: DispatchTime) -> [Action] {
        guard !handlerRunning, phase == .open, !pending.isEmpty,
            unsentByteCount <= Self.maxUnsentBytesBeforeNextRequest
        else { return [] }
        switch pending.removeFirst() {
        case .refusal(let error):
            let response = HTTPResponse(
                status: error.status, headers: HTTPHeaders(["Content-Type": "text/plain"]), text: error.reason + "\n")
            phase = .closingAfterWrite
            return [send(HTTPResponseEncoder.encode(response, keepAlive: false, date: httpDate()), now: now)]
        case .request(let request):
            handlerRunning = true
            return [.handle(request)]
        }
    }

    /// Back-pressure: reading stops while a parsed request waits its turn (the handler is busy or an
    /// answer is unsent), so a client far ahead of us is held back by its own socket, not our memory.
    private mutating func adjustReading() -> [Action] {
        guard phase == .open || phase == .closingAfterWrite else { return [] }
        let shouldPause = !pending.isEmpty
        guard shouldPause != readingPaused else { return [] }
        readingPaused = shouldPause
        return [shouldPause ? .pauseReading : .resumeReading]
    }

    /// Queues the answer: head and body in one buffer, or, for a large body, the body as it is behind
    /// its head (no second copy of a large answer).
    private mutating func sendAnswer(
        _ response: HTTPResponse, to request: HTTPRequest, keepAlive: Bool, now: DispatchTime
    ) -> [Action] {
        let omitBody = request.method == "HEAD"
        var head = HTTPResponseEncoder.encodeHead(
            response, version: request.version, keepAlive: keepAlive, date: httpDate())
        guard !omitBody, response.body.count > Self.maxUnsentBytesBeforeNextRequest else {
            if !omitBody { head.append(contentsOf: response.body) }
            return [send(head, now: now)]
        }
        return [send(head, now: now), send(response.body, now: now)]
    }

    private mutating func send(_ bytes: [UInt8], now: DispatchTime) -> Action {
        if unsentByteCount == 0 { writeDeadline = now + timeouts.writeSeconds }
        unsentByteCount += bytes.count
        return .send(bytes)
    }

    /// The timer for the current situation: the linger deadline while lingering, the write deadline
    /// while answer bytes are unsent, none while the handler works, the request deadline while one is
    /// being received, the idle deadline while idle.
    private func armTimer() -> [Action] {
        guard !isClosed else { return [] }
        let deadline: DispatchTime? =
            if phase == .lingering {
                requestDeadline
            } else if unsentByteCount > 0 {
                writeDeadline
            } else if handlerRunning {
                nil
            } else if parser.isMidRequest {
                requestDeadline
            } else if isIdle {
                idleDeadline
            } else {
                nil
            }
        return [.armTimer(deadline)]
    }

    private mutating func close() -> [Action] {
        guard !isClosed else { return [] }
        phase = .closed
        return [.close]
    }
}
