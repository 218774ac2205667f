import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An HTTP/1.1 server on plain sockets and Dispatch: a non-blocking listener whose accept loop runs
/// on a Dispatch source, one `HTTPConnection` per client. At start it raises the open-file limit to
/// its hard limit and clamps `maxConnections` to what fits; when accept runs out of descriptors it
/// pauses (`AcceptBackoff`) instead of spinning. Isolation: its mutable state (listener, connections,
/// back-off, shutdown) is confined to the serial `queue`.
// @unchecked: the mutable state is confined to `queue` (the accept source runs there), which the compiler cannot see.
public final class HTTPServer: @unchecked Sendable {
    private let settings: HTTPServerSettings
    private let handler: any HTTPHandler
    private let log: @Sendable (String) -> Void
    /// Takes one connection off the listener (a seam: tests simulate EMFILE through it).
    private let acceptConnection: @Sendable (Int32) -> Socket.AcceptOutcome
    private let queue = DispatchQueue(label: "dynamotrail.http.server")
    private var listener: Int32 = -1
    private var acceptSource: DispatchSourceRead?
    private var acceptPaused = false
    private var backoff = AcceptBackoff()
    private var acceptBackoffs = 0
    private var maxConnections: Int
    private var connections: [Int: HTTPConnection] = [:]
    private var nextConnectionID = 0
    private var shuttingDown = false
    private var drained: [CheckedContinuation<Void, Never>] = []
    private var refusedConnections = 0

    private var boundPort = 0

    /// Memory the connections hold (unsent answers, read buffers), for tests and health.
    public let gauges = HTTPServerGauges()

    /// The port actually bound (useful with port 0), set by `start()`.
    public var port: Int { queue.sync { boundPort } }

    /// `log` receives warnings (a clamped connection limit, accept running out of descriptors);
    /// by default they go to standard error.
    public convenience init(
        settings: HTTPServerSettings, handler: any HTTPHandler,
        log: @escaping @Sendable (String) -> Void = { message in Socket.writeStandardError("warning: " + message) }
    ) {
        self.init(settings: settings, handler: handler, log: log, acceptConnection: Socket.acceptOutcome)
    }

    init(
        settings: HTTPServerSettings, handler: any HTTPHandler, log: @escaping @Sendable (String) -> Void,
        acceptConnection: @escaping @Sendable (Int32) -> Socket.AcceptOutcome
    ) {
        self.settings = settings
        self.handler = handler
        self.log = log
        self.acceptConnection = acceptConnection
        self.maxConnections = settings.maxConnections
    }

    /// Raises the open-file limit, binds and starts accepting; returns the bound port.
    @discardableResult
    public func start() throws(Socket.Failure) -> Int {
        Socket.ignoreBrokenPipe()
        let descriptorLimit = FileDescriptorLimit.raiseToHardLimit()
        let (allowed, warning) = FileDescriptorLimit.connectionLimit(
            requested: settings.maxConnections, descriptorLimit: descriptorLimit)
        if let warning { log(warning) }
        let (fd, boundPort) = try Socket.listen(host: settings.host, port: settings.port)
        queue.sync {
            maxConnections = allowed
            listener = fd
            self.boundPort = boundPort
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            source.setEventHandler { @Sendable [weak self] in self?.acceptPending() }
            source.setCancelHandler { @Sendable in Socket.close(fd) }
            acceptSource = source
            source.resume()
        }
        return boundPort
    }

    /// Open connections right now.
    public var connectionCount: Int { queue.sync { connections.count } }

    /// Connections closed at once because `maxConnections` were open.
    public var refusedConnectionCount: Int { queue.sync { refusedConnections } }

    /// The connection limit in force: `settings.maxConnections`, clamped at start to the fd limit.
    public var effectiveMaxConnections: Int { queue.sync { maxConnections } }

    /// Times accepting paused because accept ran out of descriptors or memory.
    public var acceptBackoffCount: Int { queue.sync { acceptBackoffs } }

    private func acceptPending() {
        while !acceptPaused {
            switch acceptConnection(listener) {
            case .accepted(let fd, let peer):
                backoff.succeeded()
                admit(fd: fd, peer: peer)
            case .noneWaiting:
                return
            case .abandoned:
                continue
            case .outOfResources(let code):
                pauseAccepting(errorCode: code)
            }
        }
    }

    private func admit(fd: Int32, peer: String) {
        if shuttingDown || connections.count >= maxConnections {
            refusedConnections += 1
            Socket.close(fd)
            return
        }
        nextConnectionID += 1
        let connection = HTTPConnection(
            id: nextConnectionID, fd: fd, peer: peer, handler: handler, settings: settings, gauges: gauges,
            onClose: { @Sendable [weak self] id in self?.connectionClosed(id) })
        connections[nextConnectionID] = connection
        connection.start()
    }

    /// Out of descriptors: the waiting connection stays in the backlog; stop the accept source for a
    /// growing rest instead of retrying at once (which spins a core).
    private func pauseAccepting(errorCode: Int32) {
        guard let acceptSource else { return }
        let delay = backoff.failed()
        acceptBackoffs += 1
        if backoff.consecutiveFailures == 1 {
            log("accept failed (\(Socket.Failure(call: "accept", code: errorCode))); pausing new connections, retrying with back-off")
        }
        acceptPaused = true
        acceptSource.suspend()
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            guard acceptPaused, let source = self.acceptSource else { return }
            acceptPaused = false
            source.resume()
        }
    }

    private func connectionClosed(_ id: Int) {
        queue.async { [self] in
            connections[id] = nil
            if connections.isEmpty, shuttingDown {
                let waiting = drained
                drained = []
                waiting.forEach { $0.resume() }
            }
        }
    }

    /// Stops accepting, lets every connection answer what it has received, then returns once all are
    /// closed (or after `grace` seconds, when the stragglers are closed by force).
    public func shutdown(grace: Double = 10) async {
        let connectionsToClose: [HTTPConnection] = queue.sync {
            shuttingDown = true
            if acceptPaused {
                acceptPaused = false
                acceptSource?.resume()
            }
            acceptSource?.cancel()
            acceptSource = nil
            return Array(connections.values)
        }
        connectionsToClose.forEach { $0.beginShutdown() }
        let timeout = DispatchWorkItem { [self] in
            queue.async { self.connections.values.forEach { $0.forceClose() } }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + grace, execute: timeout)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { [self] in
                if connections.isEmpty { continuation.resume() } else { drained.append(continuation) }
            }
        }
        timeout.cancel()
    }
}
