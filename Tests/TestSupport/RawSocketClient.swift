import Dispatch
import Foundation

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// A blocking TCP client for sending exactly the bytes a test wants (malformed requests, pipelining,
/// half-closes) and reading raw responses. Not thread-safe: one test uses one client at a time
/// (the async methods hand the blocking call to a Dispatch queue and wait for it).
// @unchecked: `pending` has no lock; one test drives one client, one blocking call at a time.
public final class RawSocketClient: @unchecked Sendable {
    public let fd: Int32
    private var pending: [UInt8] = []

    /// Connects to `host:port` (IPv4 or IPv6 literal), with a receive timeout.
    public init(host: String = "127.0.0.1", port: Int, timeout: Double = 30) throws {
        let isIPv6 = host.contains(":")
        fd = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawSocketError.failed("socket") }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var result: Int32
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET6, host, &address.sin6_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, host, &address.sin_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw RawSocketError.failed("connect: \(String(cString: strerror(errno)))")
        }
    }

    deinit { Glibc.close(fd) }

    /// Sends all bytes; false when the peer is gone.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    @discardableResult
    public func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Half-closes: no more bytes from us, but we can still read.
    public func shutdownWrite() { Glibc.shutdown(fd, Int32(SHUT_WR)) }

    /// Reads one response off a Dispatch queue: async tests must never block a concurrency thread (with
    /// two cores, two blocked tests starve the server's own handler tasks until the read times out).
    public func response() async -> RawResponse? {
        await offPool { self.readResponse() }
    }

    /// `isClosedByPeer()` off a Dispatch queue, for async tests.
    public func closedByPeer() async -> Bool {
        await offPool { self.isClosedByPeer() }
    }

    /// `send(_:)` off a Dispatch queue, for async tests (a large send can block until the peer reads).
    @discardableResult
    public func sendAsync(_ bytes: [UInt8]) async -> Bool {
        await offPool { self.send(bytes) }
    }

    private func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }

    /// Reads one response (head, then a Content-Length body); nil on close or timeout. Blocking.
    public func readResponse() -> RawResponse? {
        while true {
            if let response = RawResponse.parse(&pending) { return response }
            guard let chunk = receive() else { return nil }
            pending.append(contentsOf: chunk)
        }
    }

    /// True when the server closed the connection (EOF) before the timeout, with nothing more to read.
    public func isClosedByPeer() -> Bool {
        while true {
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return true }
            if count < 0 { return errno == ECONNRESET }
        }
    }

    private func receive() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Array(buffer[0..<count])
    }
}

public enum RawSocketError: Error { case failed(String) }

/// A response read off a raw socket.
public struct RawResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public func header(_ name: String) -> String? { headers.first(where: { $0.0.lowercased() == name.lowercased() })?.1 }
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Takes one complete response off the front of `buffer`, or nil if it is not all there yet.
    static func parse(_ buffer: inout [UInt8]) -> RawResponse? {
        guard let end = buffer.firstRange(of: Array("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: buffer[0..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        let status = statusLine.count > 1 ? Int(statusLine[1]) ?? 0 : 0
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = headers.first(where: { $0.0.lowercased() == "content-length" }).flatMap { Int($0.1) } ?? 0
        let bodyStart = end.upperBound
        // Interim 1xx answers and HEAD-like answers with no body bytes follow the same rule here.
        guard buffer.count >= bodyStart + (status < 200 ? 0 : length) else { return nil }
        let bodyLength = status < 200 ? 0 : length
        let body = Array(buffer[bodyStart..<bodyStart + bodyLength])
        buffer.removeSubrange(0..<bodyStart + bodyLength)
        return RawResponse(status: status, headers: headers, body: body)
    }
}
