/// The `journal` section: where records wait until delivered, and how hard they are pushed to disk.
public struct JournalSettings: Sendable, Equatable {
    public enum FsyncPolicy: String, Sendable, CaseIterable { case never, batch, always }
    /// Nil: `<state directory>/journal` (`TrailSettings.state`).
    public var path: String? = nil
    public var fsync: FsyncPolicy = .batch
    /// A segment is rotated once it grows past this many bytes; finished segments are deleted.
    public var segmentBytes: Int = 4 * 1024 * 1024
    /// Disk space held aside in the journal directory (`reserve.bin`) so that a full disk is met by
    /// the reserve, not by an acknowledged record; 0 turns it off. Our proposal: 8 MiB, cut to an
    /// eighth of a smaller file system.
    public var reserveBytes: Int = 8 * 1024 * 1024
    public init() {}
}
