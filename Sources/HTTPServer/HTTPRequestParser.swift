/// Incremental HTTP/1.x request parser: append bytes as they arrive, pull events as they complete.
/// Pure (no I/O) so it is tested from byte strings, whole and one byte at a time. Handles
/// `Content-Length` and `chunked` bodies, pipelined requests, `Expect: 100-continue` and size limits.
public struct HTTPRequestParser: Sendable {
    /// What the parser has found so far.
    public enum Event: Sendable {
        /// A request head asked for `100 Continue` and its body is not complete yet.
        case expectContinue
        case request(HTTPRequest)
    }

    public struct Limits: Sendable {
        /// Request line plus headers (AWS front ends allow about this much; bigger → 431).
        public var maxHeaderBytes: Int = 64 * 1024
        /// Body bytes, after de-chunking (bigger → 413).
        public var maxBodyBytes: Int = 16 * 1024 * 1024
        public init(maxHeaderBytes: Int = 64 * 1024, maxBodyBytes: Int = 16 * 1024 * 1024) {
            self.maxHeaderBytes = maxHeaderBytes
            self.maxBodyBytes = maxBodyBytes
        }
    }

    private enum State: Sendable {
        case head
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case failed(HTTPParseError)
    }

    public let limits: Limits
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanFrom = 0
    private var state = State.head
    private var current: HTTPRequest?
    private var trailerBytes = 0

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// True while a request has begun (bytes buffered or a body pending): a timeout then is a slow client.
    public var isMidRequest: Bool {
        if case .head = state { return start < buffer.count }
        return true
    }

    /// Adds bytes read from the connection.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        if start > 0, start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            scanFrom -= start
            start = 0
        } else if start > 65536, start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            scanFrom -= start
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Frees the buffer once every byte in it is consumed, so an idle connection holds no memory
    /// for it (a large request's bytes otherwise keep their capacity until the next one).
    public mutating func releaseSpareCapacity() {
        guard start == buffer.count, buffer.capacity > 0 else { return }
        buffer = []
        start = 0
        scanFrom = 0
    }

    /// The bytes of memory the parser's buffer holds (tests and gauges).
    public var bufferCapacity: Int { buffer.capacity }

    /// The next complete event, or nil when more bytes are needed. After an error every call throws it again.
    public mutating func next() throws(HTTPParseError) -> Event? {
        while true {
            switch state {
            case .failed(let error):
                throw error
            case .head:
                guard let event = try parseHeadOrFail() else { return nil }
                if let event { return event }
            case .fixedBody(let remaining):
                let available = buffer.count - start
                let take = min(available, remaining)
                current?.body.append(contentsOf: buffer[start..<start + take])
                start += take
                if take < remaining {
                    state = .fixedBody(remaining: remaining - take)
                    return nil
                }
                return finishRequest()
            case .chunkSize:
                guard let line = try readLine(limit: 4096) else { return nil }
                let size = try fail { () throws(HTTPParseError) in try Self.parseChunkSize(line) }
                if size == 0 {
                    state = .trailers
                    trailerBytes = 0
                } else {
                    if size > limits.maxBodyBytes - (current?.body.count ?? 0) {
                        return try failWith(HTTPParseError(status: 413, reason: "body larger than \(limits.maxBodyBytes) bytes"))
                    }
                    state = .chunkData(remaining: size)
                }
            case .chunkData(let remaining):
                let available = buffer.count - start
                let take = min(available, remaining)
                current?.body.append(contentsOf: buffer[start..<start + take])
                start += take
                if take < remaining {
                    state = .chunkData(remaining: remaining - take)
                    return nil
                }
                state = .chunkDataEnd
            case .chunkDataEnd:
                guard let line = try readLine(limit: 2) else { return nil }
                guard line.isEmpty else { return try failWith(HTTPParseError(status: 400, reason: "chunk data not followed by CRLF")) }
                state = .chunkSize
            case .trailers:
                guard let line = try readLine(limit: limits.maxHeaderBytes) else { return nil }
                trailerBytes += line.count + 2
                if trailerBytes > limits.maxHeaderBytes {
                    return try failWith(HTTPParseError(status: 431, reason: "trailer section too large"))
                }
                if line.isEmpty { return finishRequest() }
            }
        }
    }

    // MARK: - Head

    /// Returns nil when more bytes are needed, `.some(nil)` when the head was consumed and parsing continues.
    private mutating func parseHeadOrFail() throws(HTTPParseError) -> Event?? {
        // Ignore empty lines before a request line (RFC 9112, section 2.2 "Message Parsing").
        while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A {
            if buffer[start] == 0x0D {
                guard start + 1 < buffer.count else { return nil }
                guard buffer[start + 1] == 0x0A else { return try failWith(HTTPParseError(status: 400, reason: "bare CR")) }
                start += 2
            } else {
                start += 1
            }
        }
        if scanFrom < start { scanFrom = start }
        guard let headEnd = findHeadEnd() else {
            if buffer.count - start > limits.maxHeaderBytes {
                return try failWith(HTTPParseError(status: 431, reason: "header section larger than \(limits.maxHeaderBytes) bytes"))
            }
            return nil
        }
        if headEnd.contentEnd - start > limits.maxHeaderBytes {
            return try failWith(HTTPParseError(status: 431, reason: "header section larger than \(limits.maxHeaderBytes) bytes"))
        }
        let head = buffer[start..<headEnd.contentEnd]
        start = headEnd.next
        scanFrom = start
        var request = try fail { () throws(HTTPParseError) in try Self.parseHead(head) }
        let expectsContinue = try fail { () throws(HTTPParseError) in try Self.expectsContinue(request) }
        let limits = limits
        let bodyFraming = try fail { () throws(HTTPParseError) in try Self.framing(of: request, limits: limits) }
        request.body = []
        current = request
        switch bodyFraming {
        case .none:
            return .some(finishRequest())
        case .length(let length):
            request.body.reserveCapacity(length)
            current = request
            state = .fixedBody(remaining: length)
            if expectsContinue, buffer.count - start < length { return .some(.expectContinue) }
            return .some(nil)
        case .chunked:
            state = .chunkSize
            if expectsContinue { return .some(.expectContinue) }
            return .some(nil)
        }
    }

    private mutating func findHeadEnd() -> (contentEnd: Int, next: Int)? {
        var i = max(scanFrom, start)
        while i < buffer.count {
            if buffer[i] == 0x0A {
                // "\n\n" or "\n\r\n" ends the head.
                if i + 1 < buffer.count, buffer[i + 1] == 0x0A { return (i, i + 2) }
                if i + 2 < buffer.count, buffer[i + 1] == 0x0D, buffer[i + 2] == 0x0A { return (i, i + 3) }
                if i + 2 >= buffer.count {
                    scanFrom = i
                    return nil
                }
            }
            i += 1
        }
        scanFrom = max(start, buffer.count - 2)
        return nil
    }

    private enum Framing {
        case none
        case length(Int)
        case chunked
    }

    private static func framing(of request: HTTPRequest, limits: Limits) throws(HTTPParseError) -> Framing {
        let transferEncodings = request.headers.values("Transfer-Encoding")
        let lengths = request.headers.values("Content-Length")
        if !transferEncodings.isEmpty {
            guard lengths.isEmpty else { throw HTTPParseError(status: 400, reason: "both Transfer-Encoding and Content-Length") }
            guard request.version == .http11 else { throw HTTPParseError(status: 400, reason: "Transfer-Encoding in HTTP/1.0") }
            let codings = transferEncodings.flatMap { $0.split(separator: ",") }.map {
                $0.trimmingWhitespace().lowercased()
            }
            guard codings == ["chunked"] else {
                throw HTTPParseError(status: 501, reason: "unsupported Transfer-Encoding \(transferEncodings.joined(separator: ", "))")
            }
            return .chunked
        }
        guard !lengths.isEmpty else { return .none }
        let values = Set(
            lengths.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map {
                $0.trimmingWhitespace()
            })
        guard values.count == 1, let text = values.first, !text.isEmpty, text.utf8.count <= 18,
            text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let length = Int(text)
        else { throw HTTPParseError(status: 400, reason: "invalid Content-Length") }
        if length > limits.maxBodyBytes { throw HTTPParseError(status: 413, reason: "body larger than \(limits.maxBodyBytes) bytes") }
        return length == 0 ? .none : .length(length)
    }

    private static func expectsContinue(_ request: HTTPRequest) throws(HTTPParseError) -> Bool {
        guard let expect = request.headers["Expect"] else { return false }
        guard expect.trimmingWhitespace().lowercased() == "100-continue" else {
            throw HTTPParseError(status: 417, reason: "unsupported Expect: \(expect)")
        }
        return request.version == .http11
    }

    static func parseHead(_ head: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPRequest {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = head.startIndex
        for i in head.indices where head[i] == 0x0A {
            var end = i
            if end > lineStart, head[end - 1] == 0x0D { end -= 1 }
            lines.append(head[lineStart..<end])
            lineStart = i + 1
        }
        var last = head[lineStart..<head.endIndex]
        if let final = last.last, final == 0x0D { last = last.dropLast() }
        lines.append(last)
        guard let requestLine = lines.first else { throw HTTPParseError(status: 400, reason: "empty request") }
        var request = try parseRequestLine(requestLine)
        for line in lines.dropFirst() {
            request.headers.add(contentsOf: try parseHeaderLine(line))
        }
        if request.version == .http11 {
            let hosts = request.headers.values("Host")
            guard hosts.count == 1 else {
                throw HTTPParseError(status: 400, reason: hosts.isEmpty ? "missing Host" : "several Host headers")
            }
        }
        return request
    }

    private static func parseRequestLine(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPRequest {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw HTTPParseError(status: 400, reason: "malformed request line") }
        let method = parts[0]
        let target = parts[1]
        let version = parts[2]
        guard !method.isEmpty, method.allSatisfy(isTokenByte) else { throw HTTPParseError(status: 400, reason: "malformed method") }
        guard !target.isEmpty, target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw HTTPParseError(status: 400, reason: "malformed request target")
        }
        let versionText = Array(version)
        guard versionText.count == 8, versionText.starts(with: Array("HTTP/".utf8)), versionText[6] == UInt8(ascii: "."),
            (48...57).contains(versionText[5]), (48...57).contains(versionText[7])
        else { throw HTTPParseError(status: 400, reason: "malformed HTTP version") }
        let parsed = HTTPVersion(major: Int(versionText[5] - 48), minor: Int(versionText[7] - 48))
        guard parsed == .http11 || parsed == .http10 else { throw HTTPParseError(status: 505, reason: "unsupported \(parsed)") }
        return HTTPRequest(
            method: String(decoding: method, as: UTF8.self), target: String(decoding: target, as: UTF8.self), version: parsed)
    }

    private static func parseHeaderLine(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPHeaders.Field {
        guard let first = line.first else { throw HTTPParseError(status: 400, reason: "empty header line") }
        guard first != 0x20, first != 0x09 else { throw HTTPParseError(status: 400, reason: "obsolete header line folding") }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw HTTPParseError(status: 400, reason: "header without ':'") }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else { throw HTTPParseError(status: 400, reason: "malformed header name") }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
        guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
            throw HTTPParseError(status: 400, reason: "control character in header value")
        }
        return HTTPHeaders.Field(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    }

    /// RFC 9110 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    // MARK: - Chunked body

    /// Reads one line (CRLF or LF terminated) of at most `limit` bytes, without its terminator.
    private mutating func readLine(limit: Int) throws(HTTPParseError) -> ArraySlice<UInt8>? {
        var i = start
        while i < buffer.count, i - start <= limit + 1 {
            if buffer[i] == 0x0A {
                var end = i
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = i + 1
                return line
            }
            i += 1
        }
        if buffer.count - start > limit + 1 {
            return try failWith(HTTPParseError(status: 400, reason: "line too long in chunked body"))
        }
        return nil
    }

    private static func parseChunkSize(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> Int {
        var digits = line
        if let semicolon = line.firstIndex(of: UInt8(ascii: ";")) { digits = line[line.startIndex..<semicolon] }
        while let last = digits.last, last == 0x20 || last == 0x09 { digits = digits.dropLast() }
        guard !digits.isEmpty else { throw HTTPParseError(status: 400, reason: "missing chunk size") }
        var size = 0
        for byte in digits {
            let value: Int
            switch byte {
            case 48...57: value = Int(byte - 48)
            case 97...102: value = Int(byte - 87)
            case 65...70: value = Int(byte - 55)
            default: throw HTTPParseError(status: 400, reason: "malformed chunk size")
            }
            guard size <= (Int.max >> 4) else { throw HTTPParseError(status: 413, reason: "chunk size too large") }
            size = size << 4 | value
        }
        return size
    }

    // MARK: - Helpers

    private mutating func finishRequest() -> Event? {
        state = .head
        guard let request = current else { return nil }
        current = nil
        return .request(request)
    }

    private mutating func failWith<T>(_ error: HTTPParseError) throws(HTTPParseError) -> T {
        state = .failed(error)
        throw error
    }

    private mutating func fail<T>(_ body: () throws(HTTPParseError) -> T) throws(HTTPParseError) -> T {
        do {
            return try body()
        } catch {
            state = .failed(error)
            throw error
        }
    }
}
