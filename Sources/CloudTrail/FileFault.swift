import Synchronization

/// The fault seam of `FileIO`: before a write, an allocation or a rename into the bucket changes the
/// disk, the installed hook may fail it with an `errno` (tests simulate a full disk with `ENOSPC`, and
/// a state directory on another file system with `EXDEV`, this way; a small tmpfs or a second file
/// system is rarely available in a sandbox). With no hook installed, the check is one uncontended lock.
///
/// Isolation: the hook sits in a `Mutex`; it is called on whatever thread writes, outside the lock.
public enum FileFault {
    /// What is about to grow the disk: `bytes` more at `path`.
    public struct Change: Sendable {
        /// `rename`: a temp file of the state directory renamed into the bucket (`path` is the destination).
        public enum Kind: Sendable { case write, allocate, rename }
        public let kind: Kind
        public let path: String
        public let bytes: Int
    }

    /// Answers the `errno` to fail a change with, or nil to let it through.
    public typealias Hook = @Sendable (Change) -> Int32?

    private static let installed = Mutex<Hook?>(nil)

    /// Installs (or, with nil, removes) the process-wide hook. Tests only: filter on your own paths.
    public static func install(_ hook: Hook?) { installed.withLock { $0 = hook } }

    /// Throws the hook's `errno` for this change, if it gives one.
    static func check(_ kind: Change.Kind, path: String, bytes: Int, operation: String) throws(FileIOError) {
        guard let hook = installed.withLock({ $0 }), let code = hook(Change(kind: kind, path: path, bytes: bytes)) else { return }
        throw FileIOError(operation: operation, path: path, code: code)
    }
}
