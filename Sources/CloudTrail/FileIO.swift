import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed system call on a path, with `errno`'s text; what the health status shows.
public struct FileIOError: Error, Equatable, Sendable, CustomStringConvertible {
    public let operation: String
    public let path: String
    public let code: Int32
    public var description: String { "\(operation) \(path): \(String(cString: strerror(code))) (errno \(code))" }
}

/// Thin blocking wrappers over POSIX file calls. Only ever called on a serial DispatchQueue,
/// never from async code (DESIGN.md §4).
enum FileIO {
    static func fail(_ operation: String, _ path: String) -> FileIOError {
        FileIOError(operation: operation, path: path, code: errno)
    }

    /// `mkdir -p`.
    static func makeDirectories(_ path: String) throws(FileIOError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw fail("mkdir", path) }
    }

    /// Writes all of `bytes` to `fd`, retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileIOError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw fail("write", path)
            }
            offset += written
        }
    }

    static func fsyncFile(_ fd: Int32, path: String) throws(FileIOError) {
        if fsync(fd) != 0 { throw fail("fsync", path) }
    }

    /// fsyncs a directory so a rename or create inside it survives power loss.
    static func fsyncDirectory(_ path: String) throws(FileIOError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        if fd < 0 { throw fail("open", path) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw fail("fsync", path) }
    }

    /// Writes `bytes` to `temp`, optionally fsyncs it, renames it over `final` (atomic on one
    /// file system) and optionally fsyncs the destination directory.
    static func writeAtomically(_ bytes: [UInt8], to final: String, temp: String, durable: Bool) throws(FileIOError) {
        try makeDirectories((final as NSString).deletingLastPathComponent)
        try makeDirectories((temp as NSString).deletingLastPathComponent)
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw fail("open", temp) }
        do {
            try writeAll(fd, bytes, path: temp)
            if durable { try fsyncFile(fd, path: temp) }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        close(fd)
        if Glibc.rename(temp, final) != 0 {
            let failure = fail("rename", final)
            unlink(temp)
            throw failure
        }
        if durable { try fsyncDirectory((final as NSString).deletingLastPathComponent) }
    }

    /// Reads a whole file; nil when it does not exist.
    static func readFile(_ path: String) throws(FileIOError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw fail("open", path)
        }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw fail("read", path)
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }

    /// Appends `bytes` to `path` (creating it) in one `write` with O_APPEND.
    static func append(_ bytes: [UInt8], to path: String) throws(FileIOError) {
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty { try makeDirectories(parent) }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        if fd < 0 { throw fail("open", path) }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
    }

    /// Removes a file; a missing file is not an error.
    static func remove(_ path: String) throws(FileIOError) {
        if unlink(path) != 0, errno != ENOENT { throw fail("unlink", path) }
    }

    /// Joins a directory and a relative path.
    static func join(_ directory: String, _ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}

extension FileIO {
    /// Creates or truncates `path` and writes `bytes`, optionally fsyncing.
    static func writeFile(_ bytes: [UInt8], to path: String, durable: Bool) throws(FileIOError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw fail("open", path) }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
        if durable { try fsyncFile(fd, path: path) }
    }

    /// Renames `from` over `to` and, when durable, fsyncs the destination directory.
    static func rename(_ from: String, to: String, durable: Bool) throws(FileIOError) {
        if Glibc.rename(from, to) != 0 { throw fail("rename", to) }
        if durable { try fsyncDirectory((to as NSString).deletingLastPathComponent) }
    }
}
