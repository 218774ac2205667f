#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin blocking wrappers over POSIX file calls. Only ever called on a serial DispatchQueue,
/// never from async code (our design rule: blocking file I/O stays off the concurrency pool).
enum FileIO {
    static func fail(_ operation: String, _ path: String) -> FileIOError {
        FileIOError(operation: operation, path: path, code: errno)
    }

    /// `mkdir -p`.
    static func makeDirectories(_ path: String) throws(FileIOError) {
        if isDirectory(path) == true { return }
        let parent = parent(path)
        if !parent.isEmpty, parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw fail("mkdir", path) }
    }

    /// Writes all of `bytes` to `fd`, retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileIOError) {
        try FileFault.check(.write, path: path, bytes: bytes.count, operation: "write")
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
        try makeDirectories(parent(final))
        try makeDirectories(parent(temp))
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
        if durable { try fsyncDirectory(parent(final)) }
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
        let parent = parent(path)
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
        if durable { try fsyncDirectory(parent(to)) }
    }
}

extension FileIO {
    /// Error codes callers put in a `FileIOError` of their own.
    static let ioErrorCode: Int32 = EIO
    static let badDescriptorCode: Int32 = EBADF
    static let invalidArgumentCode: Int32 = EINVAL

    /// Opens `path` for appending (creating it) and returns the descriptor with the file's current size.
    static func openForAppend(_ path: String) throws(FileIOError) -> (fd: Int32, size: Int) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        if fd < 0 { throw fail("open", path) }
        var info = stat()
        let size = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        return (fd, size)
    }

    /// Closes a descriptor from `openForAppend`.
    static func closeFile(_ fd: Int32) { close(fd) }

    /// Cuts the file at `path` to `length` bytes.
    static func truncate(_ path: String, to length: Int) throws(FileIOError) {
        if Glibc.truncate(path, off_t(length)) != 0 { throw fail("truncate", path) }
    }

    /// Cuts an open file to `length` bytes; false when that failed.
    static func truncate(fd: Int32, to length: Int) -> Bool { ftruncate(fd, off_t(length)) == 0 }

    /// Writes `bytes` to `path` through `path.tmp` with permission `mode` (forced with fchmod, past the
    /// umask), inside `directory` made private (0700) first; then renames it into place.
    static func writePrivateFile(
        _ bytes: [UInt8], to path: String, mode: UInt32, directory: String, durable: Bool
    ) throws(FileIOError) {
        try makeDirectories(directory)
        _ = chmod(directory, 0o700)
        let temp = path + ".tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        if fd < 0 { throw fail("open", temp) }
        do throws(FileIOError) {
            if fchmod(fd, mode_t(mode)) != 0 { throw fail("fchmod", temp) }
            try writeAll(fd, bytes, path: temp)
            if durable { try fsyncFile(fd, path: temp) }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        close(fd)
        try rename(temp, to: path, durable: durable)
    }
}

extension FileIO {
    /// Whether `path` names a directory (following symbolic links); nil when it does not exist.
    static func isDirectory(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether anything exists at `path` (following symbolic links).
    static func exists(_ path: String) -> Bool { isDirectory(path) != nil }

    /// The modification time of the item at `path` (not following a symbolic link); nil when it cannot be read.
    static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    /// The names in a directory (without `.` and `..`), in the order the file system returns them;
    /// nil when it cannot be opened.
    static func listDirectory(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// Every path below `base`, relative to it, parents before their contents, without descending
    /// into symbolic links or into paths `skipDescendants` picks; nil when `base` cannot be listed.
    static func subpaths(_ base: String, skipDescendants: (String) -> Bool = { _ in false }) -> [String]? {
        guard let names = listDirectory(base) else { return nil }
        var result: [String] = []
        func visit(_ relative: String) {
            result.append(relative)
            if skipDescendants(relative) { return }
            let full = join(base, relative)
            var info = stat()
            guard lstat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, let children = listDirectory(full) else { return }
            for child in children { visit(relative + "/" + child) }
        }
        for name in names { visit(name) }
        return result
    }

    /// The part of `path` before its last `/` component, as `NSString.deletingLastPathComponent`:
    /// `a/b/` gives `a`, `/a` gives `/`, `a` gives the empty string.
    static func parent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        var head = trimmed[..<slash]
        while head.count > 1, head.hasSuffix("/") { head.removeLast() }
        return String(head)
    }

    /// The last `/` component of `path`, as `NSString.lastPathComponent` (trailing slashes ignored).
    static func lastComponent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }
}

/// Space reservation and the state-directory lock: the two file calls behind "nothing lost" on a
/// full disk and "one server per journal".
// MARK: - Space reservation and the state-directory lock

extension FileIO {
    /// Makes `path` exactly `bytes` long with every block allocated (`posix_fallocate`; zeros written
    /// where the file system cannot allocate), so deleting it later frees that much space for sure.
    static func allocate(_ path: String, bytes: Int) throws(FileIOError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw fail("open", path) }
        defer { close(fd) }
        var info = stat()
        let current = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        if current > bytes, ftruncate(fd, off_t(bytes)) != 0 { throw fail("ftruncate", path) }
        try FileFault.check(.allocate, path: path, bytes: max(0, bytes - current), operation: "fallocate")
        let code = posix_fallocate(fd, 0, off_t(bytes))
        if code == 0 { return }
        guard code == EOPNOTSUPP || code == EINVAL else {
            _ = ftruncate(fd, off_t(min(current, bytes)))
            throw FileIOError(operation: "fallocate", path: path, code: code)
        }
        // No allocation call on this file system: write the zeros.
        let chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var offset = 0
        if lseek(fd, 0, SEEK_SET) < 0 { throw fail("lseek", path) }
        do throws(FileIOError) {
            while offset < bytes {
                let piece = min(chunk.count, bytes - offset)
                try writeAll(fd, piece == chunk.count ? chunk : Array(chunk[0..<piece]), path: path)
                offset += piece
            }
        } catch {
            _ = ftruncate(fd, off_t(min(current, bytes)))
            throw error
        }
    }

    /// Opens (creating) `path` and takes an exclusive `flock` on it without waiting.
    /// - Returns: the descriptor holding the lock (closing it releases the lock), or nil when another
    ///   open file description (this process or another) holds it.
    static func lockExclusively(_ path: String) throws(FileIOError) -> Int32? {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw fail("open", path) }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let failure = fail("flock", path)
            close(fd)
            if failure.code == EWOULDBLOCK { return nil }
            throw failure
        }
        return fd
    }

    /// The total size in bytes of the file system holding `path`; nil when it cannot be asked.
    static func fileSystemBytes(_ path: String) -> Int? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        return Int(info.f_blocks) * Int(info.f_frsize)
    }

    /// The `errno` of a full disk, for callers that tell it apart.
    static let noSpaceCode: Int32 = ENOSPC
}

// MARK: - Error texts, codes and standard error

extension FileIO {
    /// errno's text for `code`.
    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// The size of a regular file (not following a symlink); nil for anything else or a missing path.
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Writes one line to standard error in one call.
    public static func writeStandardError(_ line: String) {
        let bytes = Array(line.utf8)
        bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }
}
