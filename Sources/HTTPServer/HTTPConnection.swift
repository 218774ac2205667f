import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One client connection's socket driver: it reads bytes, writes bytes, runs the handler and keeps the
/// timer, and asks `HTTPConnectionState` what each event means. Isolation: every mutable property is
/// touched only on `queue`, the connection's own serial queue (Dispatch sources and handler answers
/// are delivered there; an immediate answer is made there, see `HTTPHandler.handleImmediately`). Memory it holds: no read buffer while idle (one of 4 KiB, grown to 64 KiB
/// for a large request, is allocated while a request is being received) and at most one answer
/// plus 64 KiB unsent (see `HTTPConnectionState.maxUnsentBytesBeforeNextRequest`).
// @unchecked: the mutable state is confined to `queue`, which the compiler cannot see.
final class HTTPConnection: @unchecked Sendable {
    let id: Int
    private let fd: Int32
    private let queue: DispatchQueue
    private let handler: any HTTPHandler
    private let onClose: @Sendable (Int) -> Void
    private let gauges: HTTPServerGauges

    private var state: HTTPConnectionState
    /// Buffers queued for the socket, oldest first; `outputOffset` bytes of the first are written.
    /// Each is dropped once written, so no large buffer outlives its answer.
    private var output: [[UInt8]] = []
    private var outputOffset = 0

    private var readSource: DispatchSourceRead?
    private var readPaused = false
    private var writeSource: DispatchSourceWrite?
    private var writeSourceActive = false
    private var timer: DispatchSourceTimer?
    /// The deadline the Dispatch timer is set to (nil: not set), and the one the state asked for last.
    /// The timer is moved only to an earlier deadline: re-arming it on every request cost a wake-up of
    /// Dispatch's manager thread each time (observed: about 15% of the CPU under load, perf). A timer
    /// that fires before the wanted deadline is set again, so the state never sees an early fire.
    private var armedDeadline: DispatchTime?
    private var wantedDeadline: DispatchTime?
    /// Read and write sources not yet cancelled: the descriptor is closed only when both are, so a
    /// reused descriptor number never inherits a dying source's registration.
    private var liveSources = 0
    /// Empty while no request is being received; see `readAvailable()`.
    private var readBuffer: [UInt8] = []
    /// The first read of a readable event (most requests fit) and the most a buffer grows to.
    static let smallReadBytes = 4 * 1024
    static let largeReadBytes = 64 * 1024

    init(
        id: Int, fd: Int32, peer: String, handler: any HTTPHandler, settings: HTTPServerSettings,
        gauges: HTTPServerGauges, onClose: @escaping @Sendable (Int) -> Void
    ) {
        self.id = id
        self.fd = fd
        self.handler = handler
        self.onClose = onClose
        self.gauges = gauges
        // Targets the global (non-overcommit) queue: by default each serial queue may get a thread of its
        // own whenever the others are busy (observed: 51 threads and 50 MB RSS under 16 connections,
        // mostly per-thread malloc arenas); the global queue runs them on about one thread per core.
        self.queue = DispatchQueue(label: "dynamotrail.http.connection.\(id)", target: .global())
        self.state = HTTPConnectionState(
            remoteAddress: peer,
            limits: .init(maxHeaderBytes: settings.maxHeaderBytes, maxBodyBytes: settings.maxBodyBytes),
            timeouts: .init(
                idleSeconds: settings.idleTimeoutSeconds, requestSeconds: settings.requestTimeoutSeconds,
                writeSeconds: settings.writeTimeoutSeconds),
            httpDate: { HTTPDate.format(Date()) })
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
            perform(state.started(now: .now()))
        }
    }

    /// Server shutdown: answer what was received, then close; idle connections close now.
    func beginShutdown() { queue.async { [self] in perform(state.shutdownRequested()) } }

    /// Ends the connection at once (shutdown grace period over).
    func forceClose() { queue.async { [self] in perform(state.forceClosed()) } }

    // MARK: Events

    /// Reads what the socket holds into a buffer that starts small and grows while reads fill it;
    /// the buffer is freed when no request is left half-received, so idle connections hold none.
    private func readAvailable() {
        if readBuffer.isEmpty { resizeReadBuffer(to: Self.smallReadBytes) }
        defer { if !state.isReceivingRequest { resizeReadBuffer(to: 0) } }
        while !state.isClosed {
            switch Socket.read(fd, into: &readBuffer) {
            case .bytes(let count):
                let filled = count == readBuffer.count
                perform(state.received(readBuffer[0..<count], now: .now()))
                if readPaused || state.isClosed { return }
                if filled, readBuffer.count < Self.largeReadBytes {
                    resizeReadBuffer(to: min(readBuffer.count * 4, Self.largeReadBytes))
                }
            case .wouldBlock:
                perform(state.waitingForBytes())
                return
            case .closed:
                readSource?.cancel()
                readSource = nil
                perform(state.peerHalfClosed())
                return
            }
        }
    }

    private func resizeReadBuffer(to size: Int) {
        guard size != readBuffer.count else { return }
        gauges.addReadBuffer(size - readBuffer.count)
        readBuffer = size == 0 ? [] : [UInt8](repeating: 0, count: size)
    }

    private func timerFired() {
        armedDeadline = nil
        guard let wanted = wantedDeadline else { return }
        let now = DispatchTime.now()
        if now < wanted { return setTimer(wanted) }
        perform(state.timerFired(now: now))
    }

    /// Asks for a timer event at `deadline` (nil: none); see `armedDeadline`.
    private func setTimer(_ deadline: DispatchTime?) {
        wantedDeadline = deadline
        guard let deadline else { return }
        if let armed = armedDeadline, armed <= deadline { return }
        armedDeadline = deadline
        timer?.schedule(deadline: deadline, leeway: .milliseconds(50))
    }

    private func flushOutput() {
        guard !state.isClosed, !output.isEmpty else { return }
        var written = 0
        while let first = output.first {
            guard let sent = Socket.write(fd, first, from: outputOffset) else {
                perform(state.writeFailed())
                return
            }
            if sent == 0 {
                if !writeSourceActive, let writeSource {
                    writeSourceActive = true
                    writeSource.resume()
                }
                break
            }
            outputOffset += sent
            written += sent
            gauges.addUnsentOutput(-sent)
            if outputOffset == first.count {
                output.removeFirst()
                outputOffset = 0
            }
        }
        if output.isEmpty {
            if writeSourceActive, let writeSource {
                writeSourceActive = false
                writeSource.suspend()
            }
        }
        if written > 0 { perform(state.written(byteCount: written, now: .now())) }
    }

    // MARK: Actions

    /// Carries out the state's actions in order, then writes whatever they queued.
    /// A request answered immediately is given its answer after the other actions, as an asynchronous
    /// answer would be.
    private func perform(_ actions: [HTTPConnectionState.Action]) {
        var queuedBytes = false
        var answered: (request: HTTPRequest, response: HTTPResponse)?
        for action in actions {
            switch action {
            case .send(let bytes):
                enqueue(bytes)
                queuedBytes = true
            case .handle(let request):
                if let response = handler.handleImmediately(request) {
                    answered = (request, response)
                    continue
                }
                let handler = self.handler
                Task { [self] in
                    let response = await handler.handle(request)
                    queue.async { self.perform(self.state.responded(to: request, with: response, now: .now())) }
                }
            case .pauseReading:
                guard !readPaused, let readSource else { continue }
                readPaused = true
                readSource.suspend()
            case .resumeReading:
                guard readPaused, let readSource else { continue }
                readPaused = false
                readSource.resume()
            case .shutdownWrite:
                Socket.shutdownWrite(fd)
            case .armTimer(let deadline):
                setTimer(deadline)
            case .close:
                close()
            }
        }
        if queuedBytes { flushOutput() }
        if let answered { perform(state.responded(to: answered.request, with: answered.response, now: .now())) }
    }

    /// Queues `bytes`: small ones join a small last buffer (fewer writes), large ones stay as they are.
    private func enqueue(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        gauges.addUnsentOutput(bytes.count)
        let small = HTTPConnectionState.maxUnsentBytesBeforeNextRequest
        if let last = output.last, last.count + bytes.count <= small {
            output[output.count - 1].append(contentsOf: bytes)
        } else {
            output.append(bytes)
        }
    }

    private func close() {
        gauges.addUnsentOutput(-(output.reduce(0) { $0 + $1.count } - outputOffset))
        output = []
        outputOffset = 0
        resizeReadBuffer(to: 0)
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
        if liveSources == 0, state.isClosed { releaseDescriptor() }
    }

    private func releaseDescriptor() {
        Socket.close(fd)
        onClose(id)
    }
}
