#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place that makes the HTTP server's system calls: sockets (listen, accept, read, write, close),
/// the open-file limit and standard error.
/// Everything above it deals in file descriptors and byte arrays.
public enum Socket {
    /// A failed system call: which one, and errno's text.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let call: String
        public let code: Int32
        public var description: String { "\(call): \(String(cString: strerror(code)))" }
    }

    /// Ignore SIGPIPE for the whole process: a peer that hangs up must not end the server.
    public static func ignoreBrokenPipe() { signal(SIGPIPE, SIG_IGN) }

    /// Binds a non-blocking listening socket on `host` (IPv4 or IPv6 literal, or a name) and `port`
    /// (0 = any free port) and returns it with the port actually bound.
    public static func listen(host: String, port: Int, backlog: Int32 = 1024) throws(Failure) -> (fd: Int32, port: Int) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var info: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &info)
        guard status == 0, let first = info else { throw Failure(call: "getaddrinfo(\(host))", code: EADDRNOTAVAIL) }
        defer { freeaddrinfo(info) }
        var lastError = Failure(call: "bind", code: EADDRNOTAVAIL)
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            candidate = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else {
                lastError = Failure(call: "socket", code: errno)
                continue
            }
            var on: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
            if address.pointee.ai_family == AF_INET6 {
                setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &on, socklen_t(MemoryLayout<Int32>.size))
            }
            guard bind(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
                lastError = Failure(call: "bind \(host):\(port)", code: errno)
                close(fd)
                continue
            }
            guard Glibc.listen(fd, backlog) == 0 else {
                lastError = Failure(call: "listen", code: errno)
                close(fd)
                continue
            }
            setNonBlocking(fd)
            return (fd, localPort(fd))
        }
        throw lastError
    }

    /// What one `accept` call produced.
    public enum AcceptOutcome: Sendable, Equatable {
        case accepted(fd: Int32, peer: String)
        /// No connection is waiting.
        case noneWaiting
        /// This connection failed before we took it (it was aborted): try the next one.
        case abandoned
        /// The process or system is out of descriptors or memory (EMFILE, ENFILE, ENOBUFS, ENOMEM, or
        /// any other error): retrying at once would fail again, so back off. The errno is given.
        case outOfResources(Int32)
    }

    /// Accepts one pending connection, non-blocking with TCP_NODELAY set, with the peer's address.
    public static func acceptOutcome(_ listener: Int32) -> AcceptOutcome {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let fd = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(listener, $0, &length) }
        }
        guard fd >= 0 else {
            switch errno {
            case EAGAIN, EWOULDBLOCK: return .noneWaiting
            case ECONNABORTED, EINTR, EPROTO, EPERM: return .abandoned
            case let code: return .outOfResources(code)
            }
        }
        setNonBlocking(fd)
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        return .accepted(fd: fd, peer: addressText(&storage))
    }

    /// Accepts one pending connection (see `acceptOutcome`); nil when none is pending or accept failed.
    public static func accept(_ listener: Int32) -> (fd: Int32, peer: String)? {
        guard case .accepted(let fd, let peer) = acceptOutcome(listener) else { return nil }
        return (fd, peer)
    }

    /// The outcome of a non-blocking read.
    public enum ReadResult { case bytes(Int), wouldBlock, closed }

    public static func read(_ fd: Int32, into buffer: inout [UInt8]) -> ReadResult {
        let count = buffer.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 { return .bytes(count) }
        if count == 0 { return .closed }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? .wouldBlock : .closed
    }

    /// Sends as much of `bytes[offset...]` as the socket takes without blocking; returns bytes sent,
    /// 0 when it would block, or nil when the peer is gone. `MSG_NOSIGNAL`: no SIGPIPE.
    public static func write(_ fd: Int32, _ bytes: [UInt8], from offset: Int) -> Int? {
        guard offset < bytes.count else { return 0 }
        let sent = bytes.withUnsafeBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return Glibc.send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
        }
        if sent >= 0 { return sent }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : nil
    }

    /// Opens a blocking client connection to `host:port` with send and receive timeouts (for small
    /// outgoing requests such as webhooks, run on their own queue).
    public static func connect(host: String, port: Int, timeoutSeconds: Double) throws(Failure) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0, let first = info else {
            throw Failure(call: "getaddrinfo(\(host))", code: EHOSTUNREACH)
        }
        defer { freeaddrinfo(info) }
        var lastError = Failure(call: "connect \(host):\(port)", code: ECONNREFUSED)
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            candidate = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { continue }
            var timeout = timeval(tv_sec: Int(timeoutSeconds), tv_usec: Int((timeoutSeconds - Double(Int(timeoutSeconds))) * 1_000_000))
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            if Glibc.connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return fd }
            lastError = Failure(call: "connect \(host):\(port)", code: errno)
            Glibc.close(fd)
        }
        throw lastError
    }

    /// A blocking read: bytes read, 0 at end of stream, nil on error or timeout.
    public static func readBlocking(_ fd: Int32, into buffer: inout [UInt8]) -> Int? {
        let count = buffer.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress, $0.count, 0) }
        return count >= 0 ? count : nil
    }

    /// Stops sending (half-close) so the peer reads our last response before the connection ends.
    public static func shutdownWrite(_ fd: Int32) { Glibc.shutdown(fd, Int32(SHUT_WR)) }

    public static func close(_ fd: Int32) { _ = Glibc.close(fd) }

    private static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL, 0)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    }

    private static func localPort(_ fd: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        let family = storage.ss_family
        return withUnsafePointer(to: &storage) { pointer in
            if family == sa_family_t(AF_INET6) {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
    }

    private static func addressText(_ storage: inout sockaddr_storage) -> String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = storage.ss_family
        withUnsafePointer(to: &storage) { pointer in
            if family == sa_family_t(AF_INET6) {
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var raw = address.pointee.sin6_addr
                    _ = inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count))
                }
            } else {
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    var raw = address.pointee.sin_addr
                    _ = inet_ntop(AF_INET, &raw, &text, socklen_t(text.count))
                }
            }
        }
        let address = String(decoding: text.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // IPv4-mapped IPv6 addresses read better as plain IPv4, as CloudTrail writes them.
        return address.hasPrefix("::ffff:") && address.contains(".") ? String(address.dropFirst(7)) : address
    }

    // MARK: Process limits and standard error

    /// Raises the soft RLIMIT_NOFILE to the hard limit and answers the soft limit in force (see
    /// `FileDescriptorLimit`).
    static func raiseOpenFileLimitToHard() -> Int {
        var limit = rlimit()
        guard getrlimit(resourceNoFile, &limit) == 0 else { return Int.max }
        var hard = limit.rlim_max
        // An unlimited hard limit cannot be the soft one: the kernel caps descriptors (fs.nr_open).
        if hard == rlim_t.max { hard = rlim_t(1 << 20) }
        if limit.rlim_cur < hard {
            var raised = limit
            raised.rlim_cur = hard
            if setrlimit(resourceNoFile, &raised) == 0 { limit = raised }
        }
        return limit.rlim_cur == rlim_t.max ? Int.max : Int(clamping: limit.rlim_cur)
    }

    #if canImport(Glibc)
        private static let resourceNoFile = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
        private static let resourceNoFile = RLIMIT_NOFILE
    #endif

    /// Writes one line to standard error in one call (the default sink of the server's warnings).
    public static func writeStandardError(_ line: String) {
        var bytes = Array(line.utf8)
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        bytes.withUnsafeBytes { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
