#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's open-file limit (RLIMIT_NOFILE) and how many client connections fit under it.
/// Each connection holds one descriptor; `reservedDescriptors` are kept for everything else (the
/// listener, journal and bucket files, Dispatch's own descriptors).
public enum FileDescriptorLimit {
    /// Descriptors not given to client connections (our proposal).
    public static let reservedDescriptors = 128

    /// Raises the soft limit to the hard limit (an unprivileged process may) and answers the soft
    /// limit now in force.
    @discardableResult
    public static func raiseToHardLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(resourceNoFile, &limit) == 0 else { return Int.max }
        var hard = limit.rlim_max
        // An unlimited hard limit cannot be the soft one: the kernel caps descriptors (fs.nr_open).
        if hard == unlimited { hard = rlim_t(1 << 20) }
        if limit.rlim_cur < hard {
            var raised = limit
            raised.rlim_cur = hard
            if setrlimit(resourceNoFile, &raised) == 0 { limit = raised }
        }
        return limit.rlim_cur == unlimited ? Int.max : Int(clamping: limit.rlim_cur)
    }

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

    /// RLIM_INFINITY (all bits set), which Swift does not import as a constant.
    private static let unlimited = rlim_t.max

    #if canImport(Glibc)
        private static let resourceNoFile = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
        private static let resourceNoFile = RLIMIT_NOFILE
    #endif
}
