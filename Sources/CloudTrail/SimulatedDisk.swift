import Synchronization

/// A disk of limited capacity simulated under one directory through `FileFault`: a write or
/// allocation under `root` that would take the files there past `capacity` bytes fails with
/// `ENOSPC`, as on a full file system. For fault tests (a small tmpfs needs privileges a sandbox
/// rarely has); deleting files gives their space back, as on a real disk.
///
/// Isolation: the capacity and the installed hook sit in `Mutex`es; the hook runs on whatever thread writes.
public final class SimulatedDisk: Sendable {
    public let root: String
    private let capacity = Mutex<Int?>(nil)
    private let refusals = Mutex(0)
    private let installation = Mutex<FileFault.Installation?>(nil)

    public init(root: String) { self.root = root.hasSuffix("/") ? String(root.dropLast()) : root }

    /// Installs this disk's file fault hook (beside any other test's).
    public func install() {
        let added = FileFault.install { [self] change in check(change) }
        installation.withLock { $0 = added }
    }

    /// Removes this disk's file fault hook.
    public func uninstall() {
        if let installed = installation.withLock({ $0.take() }) { FileFault.remove(installed) }
    }

    /// Nil: unlimited.
    public func setCapacity(_ bytes: Int?) { capacity.withLock { $0 = bytes } }

    /// Leaves exactly `bytes` free from now on.
    public func fill(leaving bytes: Int) { setCapacity(usedBytes() + bytes) }

    /// Writes refused so far.
    public var refusedWrites: Int { refusals.withLock { $0 } }

    /// Bytes in the regular files under `root` (their sizes, as a file system without slack would count).
    public func usedBytes() -> Int {
        (FileIO.subpaths(root) ?? []).reduce(0) { total, relative in
            total + (FileIO.regularFileSize(FileIO.join(root, relative)) ?? 0)
        }
    }

    private func check(_ change: FileFault.Change) -> Int32? {
        guard change.path.hasPrefix(root + "/"), let limit = capacity.withLock({ $0 }) else { return nil }
        guard usedBytes() + change.bytes > limit else { return nil }
        refusals.withLock { $0 += 1 }
        return FileIO.noSpaceCode
    }
}
