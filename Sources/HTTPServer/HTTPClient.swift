/// A minimal blocking HTTP/1.1 client for outgoing notifications (the trail's webhook): one POST per
/// connection, `http://` only. Call it from a Dispatch queue, never from async code.
public enum HTTPClient {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let reason: String
        public var description: String { reason }
    }

    /// POSTs `body` to `url` and answers the response status code.
    public static func post(
        url: String, headers: [(String, String)], body: [UInt8], timeoutSeconds: Double = 10
    ) -> Result<Int, Failure> {
        guard let target = Target(url) else { return .failure(Failure(reason: "not an http:// URL: \(url)")) }
        let fd: Int32
        do {
            fd = try Socket.connect(host: target.host, port: target.port, timeoutSeconds: timeoutSeconds)
        } catch {
            return .failure(Failure(reason: "\(error)"))
        }
        defer { Socket.close(fd) }
        var head = "POST \(target.path) HTTP/1.1\r\nHost: \(target.hostHeader)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let request = Array((head + "\r\n").utf8) + body
        var offset = 0
        while offset < request.count {
            guard let sent = Socket.write(fd, request, from: offset), sent > 0 else {
                return .failure(Failure(reason: "sending to \(url) failed"))
            }
            offset += sent
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !response.contains(0x0A) {
            guard let count = Socket.readBlocking(fd, into: &buffer), count > 0 else { break }
            response.append(contentsOf: buffer[0..<count])
        }
        // "HTTP/1.1 204 No Content"
        let statusLine = response.split(separator: 0x0A).first ?? []
        let parts = statusLine.split(separator: 0x20)
        guard parts.count >= 2, let status = Int(String(decoding: parts[1], as: UTF8.self)) else {
            return .failure(Failure(reason: "no HTTP response from \(url)"))
        }
        return .success(status)
    }

    /// The parts of an `http://host[:port][/path]` URL.
    struct Target {
        var host: String
        var port: Int
        var path: String
        var hostHeader: String

        init?(_ url: String) {
            guard url.hasPrefix("http://") else { return nil }
            let rest = url.dropFirst("http://".count)
            let authority = rest.prefix(while: { $0 != "/" && $0 != "?" })
            let pathPart = rest.dropFirst(authority.count)
            path = pathPart.isEmpty ? "/" : (pathPart.hasPrefix("?") ? "/" + pathPart : String(pathPart))
            hostHeader = String(authority)
            if authority.hasPrefix("[") {
                guard let close = authority.firstIndex(of: "]") else { return nil }
                host = String(authority[authority.index(after: authority.startIndex)..<close])
                let after = authority[authority.index(after: close)...]
                port = after.hasPrefix(":") ? Int(after.dropFirst()) ?? -1 : 80
            } else if let colon = authority.lastIndex(of: ":") {
                host = String(authority[..<colon])
                port = Int(authority[authority.index(after: colon)...]) ?? -1
            } else {
                host = String(authority)
                port = 80
            }
            guard !host.isEmpty, (1...65535).contains(port) else { return nil }
        }
    }
}
