/// The `journal` section: where records wait until delivered, and how hard they are pushed to disk.
public struct JournalSettings: Sendable, Equatable {
    /// When acknowledged records reach the disk. In every mode the journal `write` precedes the answer,
    /// so an acknowledged record survives the process being killed (`kill -9`); the modes differ on
    /// power loss or a kernel crash.
    public enum FsyncPolicy: String, Sendable, CaseIterable {
        /// No fsync: the kernel writes the pages back when it chooses (on Linux, typically within 30 s).
        case never
        /// Group commit: each answer waits for an fsync that covers every record appended before it.
        case batch
        /// Each record is fsynced on its own before its answer.
        case always
        /// Answers do not wait; a background fsync runs at most `fsyncIntervalSeconds` after a
        /// record is appended, so power loss loses at most about that much.
        case interval
    }
    /// Nil: `<state directory>/journal` (`TrailSettings.state`).
    public var path: String? = nil
    /// Our proposal: `interval`. Measured (DescribeTable, this 2-core machine): `batch` halves the
    /// requests/s at one connection and doubles p50, since every answer waits for a disk flush;
    /// `interval` costs about what `never` costs.
    public var fsync: FsyncPolicy = .interval
    /// The longest an appended record waits for its fsync in `interval` mode (our proposal: 1 s).
    public static let fsyncIntervalSeconds = 1.0
    /// A segment is rotated once it grows past this many bytes; finished segments are deleted.
    public var segmentBytes: Int = 4 * 1024 * 1024
    /// Disk space held aside in the journal directory (`reserve.bin`) so that a full disk is met by
    /// the reserve, not by an acknowledged record; 0 turns it off. Our proposal: 8 MiB, cut to an
    /// eighth of a smaller file system.
    public var reserveBytes: Int = 8 * 1024 * 1024
    public init() {}
}
