import AWSProtocol
import Foundation
import HTTPServer
import Synchronization

@testable import CloudTrail

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal HTTP/1.1 listener on 127.0.0.1:0 that answers each request with the next status in
/// `statuses` (then 200) and records request heads and bodies.
final class TinyHTTPServer: Sendable {
    final class Log: Sendable {
        let entries = Mutex<[(head: String, body: String)]>([])
        let statuses: Mutex<[Int]>
        init(_ statuses: [Int]) { self.statuses = Mutex(statuses) }
    }

    let port: UInt16
    private let fd: Int32
    let log: Log

    init(statuses: [Int]) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, listen(fd, 16) == 0 else { throw FileIOError(operation: "bind", path: "127.0.0.1", code: errno) }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let port = UInt16(bigEndian: address.sin_port)
        self.fd = fd
        self.port = port
        let listener = fd
        let log = Log(statuses)
        self.log = log
        Thread.detachNewThread {
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { return }
                var data: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 65536)
                var head = ""
                var body = ""
                while true {
                    let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
                    if count <= 0 { break }
                    data.append(contentsOf: buffer[0..<count])
                    let text = String(decoding: data, as: UTF8.self)
                    guard let split = text.range(of: "\r\n\r\n") else { continue }
                    head = String(text[..<split.lowerBound])
                    let lengthLine = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    let expected = Int(lengthLine?.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "0") ?? 0
                    body = String(text[split.upperBound...])
                    if body.utf8.count >= expected { break }
                }
                log.entries.withLock { $0.append((head, body)) }
                let status = log.statuses.withLock { $0.isEmpty ? 200 : $0.removeFirst() }
                let response = "HTTP/1.1 \(status) X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                _ = response.withCString { send(client, $0, strlen($0), 0) }
                close(client)
            }
        }
    }

    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    func waitForRequests(_ count: Int, timeout: Double = 10) async -> [(head: String, body: String)] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let seen = log.entries.withLock { $0 }
            if seen.count >= count { return seen }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return log.entries.withLock { $0 }
    }
}

/// The server's transport: our own HTTP client.
let httpTransport: WebhookTransport = { url, headers, body in
    HTTPClient.post(url: url, headers: headers, body: body).mapError { $0 as any Error }
}
