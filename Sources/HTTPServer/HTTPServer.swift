import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An HTTP/1.1 server on plain sockets and Dispatch: a non-blocking listener whose accept loop runs
/// on a Dispatch source, one `HTTPConnection` per client. Isolation: its mutable state (listener,
/// connections, shutdown) is confined to the serial `queue`.
// @unchecked: the mutable state is confined to `queue` (the accept source runs there), which the compiler cannot see.
public final class HTTPServer: @unchecked Sendable {
    private let settings: HTTPServerSettings
    private let handler: any HTTPHandler
    private let queue = DispatchQueue(label: "dynamotrail.http.server")
    private var listener: Int32 = -1
    private var acceptSource: DispatchSourceRead?
    private var connections: [Int: HTTPConnection] = [:]
    private var nextConnectionID = 0
    private var shuttingDown = false
    private var drained: [CheckedContinuation<Void, Never>] = []
    private var refusedConnections = 0

    private var boundPort = 0

    /// The port actually bound (useful with port 0), set by `start()`.
    public var port: Int { queue.sync { boundPort } }

    public init(settings: HTTPServerSettings, handler: any HTTPHandler) {
        self.settings = settings
        self.handler = handler
    }

    /// Binds and starts accepting; returns the bound port.
    @discardableResult
    public func start() throws(Socket.Failure) -> Int {
        Socket.ignoreBrokenPipe()
        let (fd, boundPort) = try Socket.listen(host: settings.host, port: settings.port)
        queue.sync {
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

    private func acceptPending() {
        while let (fd, peer) = Socket.accept(listener) {
            if shuttingDown || connections.count >= settings.maxConnections {
                refusedConnections += 1
                Socket.close(fd)
                continue
            }
            nextConnectionID += 1
            let connection = HTTPConnection(
                id: nextConnectionID, fd: fd, peer: peer, handler: handler, settings: settings,
                onClose: { @Sendable [weak self] id in self?.connectionClosed(id) })
            connections[nextConnectionID] = connection
            connection.start()
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
