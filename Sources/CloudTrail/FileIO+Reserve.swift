#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Space reservation and the state-directory lock: the two file calls behind "nothing lost" on a
/// full disk and "one server per journal".
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
