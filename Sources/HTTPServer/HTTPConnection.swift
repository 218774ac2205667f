import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One client connection: reads bytes, parses requests, hands them to the handler one at a time
/// (pipelined requests are answered in order) and writes each response head and body in one send.
/// Isolation: every mutable property is touched only on `queue`, the connection's own serial queue.
final class HTTPConnection: @unchecked Sendable {
    private enum Pending {
        case request(HTTPRequest)
        case refusal(HTTPParseError)
    }

    let id: Int
    private let fd: Int32
    private let peer: String
    private let queue: DispatchQueue
    private let handler: any HTTPHandler
    private let settings: HTTPServerSettings
    private let onClose: @Sendable (Int) -> Void

    private var parser: HTTPRequestParser
    private var pending: [Pending] = []
    private var inFlight = false
    private var owesContinue = false
    private var output: [UInt8] = []
    private var outputOffset = 0
    private var closeAfterWrite = false
    private var peerFinishedSending = false
    private var stopReading = false
    private var readPaused = false
    private var shuttingDown = false
    private var lingering = false
    private var closed = false
    private var requestDeadline: DispatchTime?
    private var idleDeadline: DispatchTime?

    private var readSource: DispatchSourceRead?
    private var writeSource: DispatchSourceWrite?
    private var writeSourceActive = false
    private var timer: DispatchSourceTimer?
    /// Read and write sources not yet cancelled: the descriptor is closed only when both are, so a
    /// reused descriptor number never inherits a dying source's registration.
    private var liveSources = 0
    private var readBuffer = [UInt8](repeating: 0, count: 65536)

    init(
        id: Int, fd: Int32, peer: String, handler: any HTTPHandler, settings: HTTPServerSettings,
        onClose: @escaping @Sendable (Int) -> Void
    ) {
        self.id = id
        self.fd = fd
        self.peer = peer
        self.handler = handler
        self.settings = settings
        self.onClose = onClose
        self.queue = DispatchQueue(label: "dynamotrail.http.connection.\(id)")
        self.parser = HTTPRequestParser(
            limits: .init(maxHeaderBytes: settings.maxHeaderBytes, maxBodyBytes: settings.maxBodyBytes))
    }

    /// Starts reading; called once by the server after accept.
    func start() {
        queue.async { [self] in
            let read = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            read.setEventHandler { @Sendable [weak self] in self?.readAvailable() }
            read.setCancelHandler { @Sendable in self.sourceCancelled() }
            readSource = read
            let write = DispatchSource.makeWriteSource(fileDescriptor: fd, queue: queue)
            write.setEventHandler { @Sendable [weak self] in self?.flushOutput() }
            write.setCancelHandler { @Sendable in self.sourceCancelled() }
            writeSource = write
            liveSources = 2
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.setEventHandler { @Sendable [weak self] in self?.timerFired() }
            self.timer = timer
            timer.resume()
            read.resume()
            idleDeadline = .now() + settings.idleTimeoutSeconds
            armTimer()
        }
    }

    /// Server shutdown: answer what was received, then close; idle connections close now.
    func beginShutdown() {
        queue.async { [self] in
            guard !closed else { return }
            shuttingDown = true
            if isIdle { close() }
        }
    }

    /// Ends the connection at once (shutdown grace period over).
    func forceClose() { queue.async { [self] in close() } }

    private var isIdle: Bool { !inFlight && pending.isEmpty && output.count == outputOffset && !parser.isMidRequest }

    // MARK: Reading

    private func readAvailable() {
        guard !closed else { return }
        while !closed {
            switch Socket.read(fd, into: &readBuffer) {
            case .bytes(let count):
                if lingering || stopReading { continue }  // draining after a refusal: discard
                parser.append(readBuffer[0..<count])
                if requestDeadline == nil, parser.isMidRequest {
                    requestDeadline = .now() + settings.requestTimeoutSeconds
                    idleDeadline = nil
                }
                parseAvailable()
                if readPaused { return }
            case .wouldBlock:
                armTimer()
                return
            case .closed:
                peerClosed()
                return
            }
        }
    }

    private func parseAvailable() {
        while !stopReading {
            do {
                guard let event = try parser.next() else { break }
                switch event {
                case .expectContinue:
                    if !inFlight && pending.isEmpty { write(HTTPResponseEncoder.continueResponse) } else { owesContinue = true }
                case .request(var request):
                    request.remoteAddress = peer
                    requestDeadline = nil
                    pending.append(.request(request))
                }
            } catch {
                pending.append(.refusal(error))
                stopReading = true
            }
        }
        if requestDeadline == nil, parser.isMidRequest { requestDeadline = .now() + settings.requestTimeoutSeconds }
        // Back-pressure: a client that pipelines without reading answers waits until we catch up.
        if pending.count > 64 || output.count - outputOffset > 4 * 1024 * 1024 { pauseReading() }
        startNext()
    }

    private func peerClosed() {
        peerFinishedSending = true
        readSource?.cancel()
        readSource = nil
        if lingering || isIdle || parser.isMidRequest && !inFlight && pending.isEmpty { close() }
    }

    private func pauseReading() {
        guard !readPaused, let readSource else { return }
        readPaused = true
        readSource.suspend()
    }

    private func resumeReading() {
        guard readPaused, let readSource else { return }
        readPaused = false
        readSource.resume()
    }

    // MARK: Handling

    private func startNext() {
        guard !inFlight, !closeAfterWrite, !closed, !pending.isEmpty else { return }
        let next = pending.removeFirst()
        switch next {
        case .refusal(let error):
            let response = HTTPResponse(
                status: error.status, headers: HTTPHeaders(["Content-Type": "text/plain"]), text: error.reason + "\n")
            closeAfterWrite = true
            write(HTTPResponseEncoder.encode(response, keepAlive: false, date: Self.httpDate()))
        case .request(let request):
            inFlight = true
            let handler = self.handler
            Task { [self] in
                let response = await handler.handle(request)
                queue.async { self.finish(request, response) }
            }
        }
    }

    private func finish(_ request: HTTPRequest, _ response: HTTPResponse) {
        inFlight = false
        guard !closed else { return }
        let keepAlive =
            request.wantsKeepAlive && !response.closeConnection && !(shuttingDown && pending.isEmpty)
            && !(peerFinishedSending && pending.isEmpty)
        if !keepAlive { closeAfterWrite = true }
        write(
            HTTPResponseEncoder.encode(
                response, version: request.version, keepAlive: keepAlive, omitBody: request.method == "HEAD",
                date: Self.httpDate()))
        if keepAlive {
            if owesContinue, pending.isEmpty {
                owesContinue = false
                write(HTTPResponseEncoder.continueResponse)
            }
            if pending.count <= 64 { resumeReading() }
            startNext()
            if isIdle { idleDeadline = .now() + settings.idleTimeoutSeconds }
            armTimer()
        }
    }

    // MARK: Writing

    private func write(_ bytes: [UInt8]) {
        if outputOffset == output.count {
            output = bytes
            outputOffset = 0
        } else {
            output.append(contentsOf: bytes)
        }
        flushOutput()
    }

    private func flushOutput() {
        guard !closed else { return }
        while outputOffset < output.count {
            guard let sent = Socket.write(fd, output, from: outputOffset) else {
                close()
                return
            }
            if sent == 0 {
                if !writeSourceActive, let writeSource {
                    writeSourceActive = true
                    writeSource.resume()
                }
                return
            }
            outputOffset += sent
        }
        output.removeAll(keepingCapacity: true)
        outputOffset = 0
        if writeSourceActive, let writeSource {
            writeSourceActive = false
            writeSource.suspend()
        }
        if closeAfterWrite {
            if stopReading && !peerFinishedSending {
                // Refused mid-request: the client may still be sending. Half-close so it reads our answer,
                // then drain its bytes briefly instead of resetting the connection under it.
                lingering = true
                Socket.shutdownWrite(fd)
                requestDeadline = .now() + 2
                resumeReading()
                armTimer()
            } else {
                close()
            }
        } else if shuttingDown, isIdle {
            close()
        }
    }

    // MARK: Timeouts

    private func armTimer() {
        guard let timer, !closed else { return }
        let deadline: DispatchTime? =
            if lingering || parser.isMidRequest { requestDeadline } else if isIdle { idleDeadline } else { nil }
        if let deadline {
            timer.schedule(deadline: deadline, leeway: .milliseconds(50))
        } else {
            timer.schedule(deadline: .distantFuture)
        }
    }

    private func timerFired() {
        guard !closed else { return }
        let now = DispatchTime.now()
        if lingering {
            close()
        } else if parser.isMidRequest, !inFlight, let requestDeadline, now >= requestDeadline {
            // A slow client (slowloris): answer 408 and close.
            stopReading = true
            pending.append(.refusal(HTTPParseError(status: 408, reason: "request not completed in time")))
            startNext()
        } else if isIdle, let idleDeadline, now >= idleDeadline {
            close()
        } else {
            armTimer()
        }
    }

    private func close() {
        guard !closed else { return }
        closed = true
        if readPaused { readSource?.resume() }
        readSource?.cancel()
        if let writeSource {
            if !writeSourceActive { writeSource.resume() }
            writeSource.cancel()
        }
        timer?.cancel()
        readSource = nil
        writeSource = nil
        timer = nil
        if liveSources == 0 { releaseDescriptor() }
    }

    private func sourceCancelled() {
        liveSources -= 1
        if liveSources == 0, closed { releaseDescriptor() }
    }

    private func releaseDescriptor() {
        Socket.close(fd)
        onClose(id)
    }

    /// The `Date` header value (RFC 9110 IMF-fixdate) for now.
    static func httpDate() -> String { HTTPDate.format(Date()) }
}
