#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's standard output or error, written with write(2): the module's one platform file
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
