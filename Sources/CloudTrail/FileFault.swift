import Synchronization

/// The fault seam of `FileIO`: before a write, an allocation or a rename into the bucket changes the
/// disk, the installed hook may fail it with an `errno` (tests simulate a full disk with `ENOSPC`, and
/// a state directory on another file system with `EXDEV`, this way; a small tmpfs or a second file
/// system is rarely available in a sandbox). Several hooks may be installed at once (tests of different
/// suites run in parallel, each filtering on its own paths); the first `errno` given wins. With no hook
/// installed, the check is one uncontended lock.
///
/// Isolation: the hooks sit in a `Mutex`; they are called on whatever thread writes, outside the lock.
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

    /// An installed hook, to remove it with.
    public struct Installation: Sendable, Hashable { let id: Int }

    private static let installed = Mutex<(next: Int, hooks: [Int: Hook])>((0, [:]))

    /// Installs a hook beside any others. Tests only: filter on your own paths, and remove it when done.
    public static func install(_ hook: @escaping Hook) -> Installation {
        installed.withLock { state in
            state.next += 1
            state.hooks[state.next] = hook
            return Installation(id: state.next)
        }
    }

    /// Removes one installed hook.
    public static func remove(_ installation: Installation) { _ = installed.withLock { $0.hooks.removeValue(forKey: installation.id) } }

    /// Throws the first `errno` a hook gives for this change, if any.
    static func check(_ kind: Change.Kind, path: String, bytes: Int, operation: String) throws(FileIOError) {
        let hooks = installed.withLock { $0.hooks.isEmpty ? [] : Array($0.hooks.values) }
        guard !hooks.isEmpty else { return }
        let change = Change(kind: kind, path: path, bytes: bytes)
        for hook in hooks {
            if let code = hook(change) { throw FileIOError(operation: operation, path: path, code: code) }
        }
    }
}
