/// The process's open-file limit (RLIMIT_NOFILE) and how many client connections fit under it.
/// Each connection holds one descriptor; `reservedDescriptors` are kept for everything else (the
/// listener, journal and bucket files, Dispatch's own descriptors).
public enum FileDescriptorLimit {
    /// Descriptors not given to client connections (our proposal).
    public static let reservedDescriptors = 128

    /// Raises the soft limit to the hard limit (an unprivileged process may) and answers the soft
    /// limit now in force.
    @discardableResult
    public static func raiseToHardLimit() -> Int { Socket.raiseOpenFileLimitToHard() }

    /// The connection limit that fits `descriptorLimit`: `requested`, or fewer with the warning to log
    /// when the limit leaves too few descriptors (we clamp rather than refuse to start).
    public static func connectionLimit(requested: Int, descriptorLimit: Int) -> (allowed: Int, warning: String?) {
        let available = max(1, descriptorLimit - reservedDescriptors)
        guard requested > available else { return (requested, nil) }
        let warning =
            "server.maxConnections \(requested) exceeds what the open-file limit allows (\(descriptorLimit) "
            + "descriptors, \(reservedDescriptors) kept for the server's own files): using \(available) connections; "
            + "raise the hard limit (ulimit -Hn) to allow more"
        return (available, warning)
    }
}
