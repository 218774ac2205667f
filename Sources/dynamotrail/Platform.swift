#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The executable's one platform file: the libc calls FoundationEssentials does not re-export
/// (process exit, signals, terminal and directory checks). Stateless.
enum Platform {
    /// Ends the process with `code`.
    static func exit(_ code: Int32) -> Never { Glibc.exit(code) }

    /// SIGINT and SIGTERM: the signals that shut the server down.
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM]

    /// Stops the default action of `number` so a dispatch signal source alone handles it.
    static func ignoreSignal(_ number: Int32) { _ = signal(number, SIG_IGN) }

    /// Whether stderr is a terminal (progress lines go only to one).
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Whether `path` names a directory, following symbolic links.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
