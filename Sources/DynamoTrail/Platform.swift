#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// DynamoTrail's one file of process-level libc calls (FoundationEssentials re-exports none): process exit,
/// signals, terminal and directory checks, and writes to stdout/stderr. Sockets live in HTTPServer's
/// `Socket`, bucket files in CloudTrail's `FileIO` and S3Bucket's `BucketDirectory`. Stateless.
public enum Platform {
    /// Ends the process with `code`.
    public static func exit(_ code: Int32) -> Never { Glibc.exit(code) }

    /// SIGINT and SIGTERM: the signals that shut the server down.
    public static let terminationSignals: [Int32] = [SIGINT, SIGTERM]

    /// Stops the default action of `number` so a dispatch signal source alone handles it.
    public static func ignoreSignal(_ number: Int32) { _ = signal(number, SIG_IGN) }

    /// Whether stderr is a terminal (progress lines go only to one).
    public static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Whether `path` names a directory, following symbolic links.
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The process's standard output or error, written with write(2)
    /// (FoundationEssentials has no `FileHandle`). Stateless and Sendable: safe from any thread; each
    /// `write` is one call per chunk, so short lines from concurrent writers never interleave.
    public enum StandardStream: Sendable {
        case output
        case error

        private var descriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }

        /// Writes all of `text`; errors (a closed stream) are ignored.
        public func write(_ text: String) { write(Array(text.utf8)) }

        /// Writes all of `bytes`, retrying short writes and EINTR; stops silently on any other error.
        public func write(_ bytes: [UInt8]) {
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { buffer in
                    Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, bytes.count - offset)
                }
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
