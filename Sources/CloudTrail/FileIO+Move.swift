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

/// Moving files between the state directory and the bucket, which may sit on different file systems.
extension FileIO {
    /// Renames `temp` (a complete file in the state directory) over `final` in the bucket. When they
    /// are on different file systems (`EXDEV`), the bytes are copied to a hidden temp file beside
    /// `final` (`StateDirectory.fallbackTempPrefix`), fsynced when `durable`, and renamed at once, so
    /// `final` still appears whole or not at all; `temp` is then removed. Leftovers of a crash in
    /// between are removed on start (`removeFallbackTemps`).
    static func renameIntoBucket(_ temp: String, to final: String, durable: Bool) throws(FileIOError) {
        do throws(FileIOError) {
            try FileFault.check(.rename, path: final, bytes: 0, operation: "rename")
            try rename(temp, to: final, durable: durable)
            return
        } catch {
            guard error.code == EXDEV else { throw error }  // across file systems: copy beside the destination
        }
        guard let bytes = try readFile(temp) else { throw FileIOError(operation: "open", path: temp, code: ENOENT) }
        let hidden = join(parent(final), StateDirectory.fallbackTempPrefix + lastComponent(final))
        do {
            try writeFile(bytes, to: hidden, durable: durable)
            try rename(hidden, to: final, durable: durable)
        } catch {
            unlink(hidden)
            throw error
        }
        try remove(temp)
    }

    /// Moves the file `from` to `to` (creating `to`'s folder), keeping its permission bits: a rename,
    /// or across file systems a copy through `to.partial` (fsynced, renamed) and then the unlink of `from`.
    static func moveFile(_ from: String, to: String) throws(FileIOError) {
        try makeDirectories(parent(to))
        do throws(FileIOError) {
            try FileFault.check(.rename, path: to, bytes: 0, operation: "rename")
            try rename(from, to: to, durable: false)
            return
        } catch {
            guard error.code == EXDEV else { throw error }
        }
        guard let bytes = try readFile(from) else { throw FileIOError(operation: "open", path: from, code: ENOENT) }
        var info = stat()
        let mode = stat(from, &info) == 0 ? info.st_mode & 0o777 : 0o600
        let partial = to + ".partial"
        let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        if fd < 0 { throw fail("open", partial) }
        do throws(FileIOError) {
            if fchmod(fd, mode) != 0 { throw fail("fchmod", partial) }
            try writeAll(fd, bytes, path: partial)
            try fsyncFile(fd, path: partial)
        } catch {
            close(fd)
            unlink(partial)
            throw error
        }
        close(fd)
        try rename(partial, to: to, durable: true)
        try remove(from)
    }

    /// Removes `path` and everything below it (not following symbolic links); a missing path is fine.
    static func removeTree(_ path: String) throws(FileIOError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            for name in listDirectory(path) ?? [] { try removeTree(join(path, name)) }
            if rmdir(path) != 0 { throw fail("rmdir", path) }
        } else {
            try remove(path)
        }
    }

    /// Removes the hidden temp files a cross-file-system rename left in the bucket's `AWSLogs/` tree
    /// (a crash between writing and renaming one); returns how many. Names only are read.
    @discardableResult
    static func removeFallbackTemps(bucketRoot: String) -> Int {
        var removed = 0
        for relative in subpaths(bucketRoot) ?? []
        where lastComponent(relative).hasPrefix(StateDirectory.fallbackTempPrefix) && isDirectory(join(bucketRoot, relative)) == false {
            if (try? remove(join(bucketRoot, relative))) != nil { removed += 1 }
        }
        return removed
    }
}

extension FileIO {
    /// Makes a signing-key directory private again after files were moved into it: the directory
    /// 0700, every private key (`.pem`) 0600 (as `SigningKeyStore` writes them).
    static func makePrivate(keysDirectory: String) throws(FileIOError) {
        if chmod(keysDirectory, 0o700) != 0 { throw fail("chmod", keysDirectory) }
        for name in listDirectory(keysDirectory) ?? [] where name.hasSuffix(".pem") {
            let path = join(keysDirectory, name)
            if chmod(path, 0o600) != 0 { throw fail("chmod", path) }
        }
    }
}

extension FileIO {
    /// The process's working directory, or `/` when it cannot be read.
    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        return getcwd(&buffer, buffer.count).map { _ in String(cString: buffer) } ?? "/"
    }

    /// `path` with every symbolic link resolved (`realpath`), or nil when it does not exist.
    static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
