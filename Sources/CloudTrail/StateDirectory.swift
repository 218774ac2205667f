import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The trail's private state, kept outside the bucket directory so that the bucket holds exactly
/// what S3 would (only `AWSLogs/…` objects: a tool that walks it, or `aws s3 sync bucket s3://…`,
/// never meets a private key or a journal). Pure paths, no I/O.
///
/// ## Layout (`trail.stateDirectory`, default `<bucket path>-state`)
/// - `journal/`: the recorder's journal segments, its `lock` and `reserve.bin` (unless `journal.path`);
/// - `keys/`: the RSA signing keys (directory 0700, private `.pem` files 0600);
/// - `digests/`: the digest writer's `state.json` and WAL;
/// - `metadata/<key>.json`: the S3 metadata sidecar of every object in the bucket;
/// - `tmp/`: files being written, renamed into the bucket when complete;
/// - `bucket-notifications.jsonl`: the notifications file (unless `trail.notifications.file`).
public struct StateDirectory: Sendable, Equatable {
    /// The state directory's path.
    public let root: String

    public init(root: String) {
        var path = root
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.root = path
    }

    /// The default for a bucket directory: a sibling named `<bucket>-state`. Our proposal: a sibling,
    /// not a folder inside (the bucket must hold only S3 objects), and visible rather than hidden
    /// (it holds the signing keys and the undelivered journal, which a user should see and back up);
    /// named after the bucket so that two buckets in one folder never share a journal. A bucket path
    /// whose last component is `.`, `..` or `/` is made absolute first (`.` → `/work/project-state`).
    public static func besideBucket(_ bucketPath: String) -> StateDirectory {
        var path = bucketPath
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        let last = FileIO.lastComponent(path)
        if path.isEmpty || last == "." || last == ".." || last == "/" {
            path = URL(fileURLWithPath: path.isEmpty ? "." : path).standardizedFileURL.path
            while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        }
        return StateDirectory(root: (path == "/" ? "" : path) + "-state")
    }

    /// The journal directory when `journal.path` is not set.
    public var journal: String { FileIO.join(root, "journal") }
    /// The signing keys (`SigningKeyStore`).
    public var keys: String { FileIO.join(root, "keys") }
    /// The digest writer's state (`DigestWriter`).
    public var digests: String { FileIO.join(root, "digests") }
    /// The S3 metadata sidecars, one per object, under the object's key.
    public var metadata: String { FileIO.join(root, "metadata") }
    /// Files being written; each is renamed into the bucket once complete.
    public var temporary: String { FileIO.join(root, "tmp") }
    /// The notifications file when `trail.notifications.file` is not set.
    public var notificationsFile: String { FileIO.join(root, "bucket-notifications.jsonl") }

    /// The sidecar of the bucket object `key`: `<state>/metadata/<key>.json`.
    public func sidecarPath(forKey key: String) -> String {
        ObjectMetadata.sidecarPath(forKey: key, stateDirectory: root)
    }

    /// The folder inside the bucket directory where versions before the state directory kept it all.
    public static let legacyFolderName = ".dynamotrail"

    /// `<bucket>/.dynamotrail`, the old layout that `StateMigration` moves out.
    public static func legacyFolder(bucketPath: String) -> String { FileIO.join(bucketPath, legacyFolderName) }

    /// The name prefix of the temp file written beside its destination when the state directory is on
    /// another file system (a rename across file systems fails with EXDEV); such files are removed on start.
    public static let fallbackTempPrefix = ".dynamotrail-tmp."
}
