import AWSProtocol

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

/// The bucket directory as S3 sees it: every regular file below the root is an object whose key is
/// its relative path; the old layout's private folder `.dynamotrail/` at the root, the hidden temp
/// files of a write in progress, symbolic links and names that are not UTF-8 are invisible. Object
/// metadata comes from sidecars in the state directory. Blocking file I/O: call it only from
/// `S3Bucket`'s dispatch queue, never from Swift concurrency threads.
struct BucketDirectory: Sendable {
    /// The root path, without a trailing slash.
    let root: String
    /// The state directory whose `metadata/` holds the sidecars.
    let stateDirectory: String

    /// The private folder of the old layout at the root of the bucket directory; never listed or served.
    static let privateFolder = ".dynamotrail"
    /// The name prefix of a file being renamed into the bucket across file systems (CloudTrail's
    /// `StateDirectory.fallbackTempPrefix`); never listed or served.
    static let writeInProgressPrefix = ".dynamotrail-tmp."

    /// Size and modification time of an object's file, from `lstat`/`fstat` (contents never read).
    struct FileStatus: Sendable, Equatable {
        var size: Int
        var modified: Date
    }

    /// - Parameter stateDirectory: nil: the old layout's `<root>/.dynamotrail`.
    init(root: String, stateDirectory: String? = nil) {
        var path = root
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.root = path
        self.stateDirectory = stateDirectory ?? path + "/" + Self.privateFolder
    }

    /// The file a key names, or nil when the key cannot name a served object: empty, absolute, with
    /// empty, `.` or `..` segments (so `a//b` and `dir/` name nothing), a NUL byte, or inside the private folder.
    func path(forKey key: String) -> String? {
        guard !key.isEmpty, key.utf8.count <= 1024, !key.utf8.contains(0) else { return nil }
        let segments = key.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        guard segments.first != Substring(Self.privateFolder), segments.last?.hasPrefix(Self.writeInProgressPrefix) == false else {
            return nil
        }
        return root + "/" + key
    }

    /// The status of the regular file behind `key`; `noSuchKey` when there is none or a path component
    /// is a symbolic link (so no key can reach outside the bucket directory).
    func status(ofKey key: String) -> Result<FileStatus, S3Error> {
        guard let path = path(forKey: key) else { return .failure(.noSuchKey(key: key)) }
        var directory = root
        for segment in key.split(separator: "/").dropLast() {
            directory += "/" + segment
            guard let mode = Self.lstatMode(directory), mode & S_IFMT == S_IFDIR else { return .failure(.noSuchKey(key: key)) }
        }
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .failure(.noSuchKey(key: key)) }
        return .success(Self.fileStatus(info))
    }

    /// The bytes of `key`: all of them, or those of `range` (resolved against the size `status` gave;
    /// a file that shrank since is read up to its new end, a read error is an internal error).
    func read(key: String, range: ByteRange?) -> Result<[UInt8], S3Error> {
        guard case .success = status(ofKey: key), let path = path(forKey: key) else { return .failure(.noSuchKey(key: key)) }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return .failure(errno == ENOENT ? .noSuchKey(key: key) : .internalError) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.internalError) }
        let size = Int(info.st_size)
        let first = range?.first ?? 0
        let count = range.map { min($0.count, max(0, size - $0.first)) } ?? size
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let readCount = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return pread(fd, base + done, count - done, off_t(first + done))
            }
            if readCount < 0 && errno == EINTR { continue }
            guard readCount >= 0 else { return .failure(.internalError) }
            if readCount == 0 { return .success(Array(bytes[..<done])) }  // the file shrank while being read
            done += readCount
        }
        return .success(bytes)
    }

    /// The sidecar metadata of `key` (`<state directory>/metadata/<key>.json`), or nil when there is
    /// none or it cannot be decoded (the object is then served with S3's defaults).
    func metadata(forKey key: String) -> ObjectMetadata? {
        guard path(forKey: key) != nil else { return nil }
        let sidecar = ObjectMetadata.sidecarPath(forKey: key, stateDirectory: stateDirectory)
        guard let data = FileManager.default.contents(atPath: sidecar) else { return nil }
        return try? ObjectMetadata.decode(Array(data))
    }

    /// Visits the keys that start with `prefix` and sort after `after` (UTF-8 byte order), in that
    /// order, until `visit` returns false. Directories that cannot hold such keys are not entered;
    /// only names are read (plus `lstat` where the directory entry does not say what it is).
    func walk(prefix: [UInt8], after: [UInt8]?, _ visit: (_ key: [UInt8], _ path: String) -> Bool) {
        var stopped = false
        walkDirectory(root, keyPrefix: [], prefix: prefix, after: after, stopped: &stopped, visit)
    }

    private func walkDirectory(
        _ directory: String, keyPrefix: [UInt8], prefix: [UInt8], after: [UInt8]?, stopped: inout Bool,
        _ visit: (_ key: [UInt8], _ path: String) -> Bool
    ) {
        for entry in Self.entries(of: directory, isRoot: keyPrefix.isEmpty) {
            if stopped { return }
            let key = keyPrefix + entry.sortName
            let path = directory + "/" + entry.name
            if entry.isDirectory {
                // Every key below starts with `key` (ending in "/").
                guard Self.starts(key, with: prefix) || Self.starts(prefix, with: key) else { continue }
                if let after, !Self.starts(after, with: key), !after.lexicographicallyPrecedes(key) { continue }
                walkDirectory(path, keyPrefix: key, prefix: prefix, after: after, stopped: &stopped, visit)
            } else {
                guard Self.starts(key, with: prefix) else { continue }
                if let after, !after.lexicographicallyPrecedes(key) { continue }
                if !visit(key, path) { stopped = true }
            }
        }
    }

    /// One child of a directory: its name and the bytes it sorts by (a directory's name ends in "/",
    /// so a depth-first walk in this order yields keys in UTF-8 byte order).
    struct Entry {
        var name: String
        var isDirectory: Bool
        var sortName: [UInt8]
    }

    /// Regular files and real directories of `directory`, sorted; the old private folder is left out at
    /// the root, files being written everywhere.
    static func entries(of directory: String, isRoot: Bool) -> [Entry] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var entries: [Entry] = []
        while let raw = readdir(handle) {
            let name: String? = withUnsafePointer(to: raw.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: raw.pointee.d_name)) {
                    String(validatingCString: $0)
                }
            }
            guard let name, name != ".", name != "..", !(isRoot && name == privateFolder), !name.hasPrefix(writeInProgressPrefix)
            else { continue }
            var isDirectory: Bool
            switch Int32(raw.pointee.d_type) {
            case Int32(DT_DIR): isDirectory = true
            case Int32(DT_REG): isDirectory = false
            case Int32(DT_UNKNOWN):
                guard let mode = lstatMode(directory + "/" + name) else { continue }
                if mode & S_IFMT == S_IFDIR {
                    isDirectory = true
                } else if mode & S_IFMT == S_IFREG {
                    isDirectory = false
                } else {
                    continue
                }
            default: continue  // symbolic links, sockets, devices
            }
            entries.append(Entry(name: name, isDirectory: isDirectory, sortName: Array(name.utf8) + (isDirectory ? [0x2F] : [])))
        }
        entries.sort { $0.sortName.lexicographicallyPrecedes($1.sortName) }
        return entries
    }

    /// The status of a listed file (nil when it vanished or stopped being a regular file).
    static func fileStatus(atPath path: String) -> FileStatus? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return fileStatus(info)
    }

    static func lstatMode(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode
    }

    static func fileStatus(_ info: stat) -> FileStatus {
        #if canImport(Darwin)
            let seconds = info.st_mtimespec.tv_sec
        #else
            let seconds = info.st_mtim.tv_sec
        #endif
        return FileStatus(size: Int(info.st_size), modified: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    static func starts(_ bytes: [UInt8], with prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && bytes[..<prefix.count].elementsEqual(prefix)
    }
}
