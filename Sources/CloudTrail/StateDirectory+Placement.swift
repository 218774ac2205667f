extension StateDirectory {
    /// Why `state` cannot hold the private state of the bucket directory `bucket`, or nil when it can:
    /// the same directory, one inside the other (compared after resolving symbolic links of the parts
    /// that exist, so `./b` and `/abs/b` or a link to it are the same). Blocking (`realpath`).
    public static func placementProblem(state: String, bucket: String) -> String? {
        let statePath = canonical(state)
        let bucketPath = canonical(bucket)
        if statePath == bucketPath { return "is the bucket directory itself (\(bucket)); it must be outside it" }
        if isInside(statePath, bucketPath) {
            return "is inside the bucket directory (\(bucket)); it must be outside it, or S3 tools would see private keys"
        }
        if isInside(bucketPath, statePath) { return "holds the bucket directory (\(bucket)); they must not contain each other" }
        return nil
    }

    /// Whether `path` is strictly below `directory` (both canonical).
    static func isInside(_ path: String, _ directory: String) -> Bool {
        directory == "/" ? path != "/" : path.hasPrefix(directory + "/")
    }

    /// The absolute path with symbolic links resolved for its longest existing ancestor, and `.`/`..`
    /// removed from the rest.
    static func canonical(_ path: String) -> String {
        var absolute = path
        if !absolute.hasPrefix("/") {
            absolute = FileIO.join(FileIO.currentDirectory(), path)
        }
        var parts: [String] = []
        for part in absolute.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(String(part)) }
        }
        // Resolve the longest existing prefix, keep the rest as written.
        for count in stride(from: parts.count, through: 0, by: -1) {
            let prefix = "/" + parts[..<count].joined(separator: "/")
            guard let head = FileIO.resolvedPath(prefix) else { continue }
            let rest = parts[count...].joined(separator: "/")
            return rest.isEmpty ? head : FileIO.join(head, rest)
        }
        return "/" + parts.joined(separator: "/")
    }
}

extension StateDirectory {
    /// The state directory a reader of `bucketPath` should look in (blocking: one `stat` or two):
    /// `configured` when given; else the default beside the bucket; else, when only an old layout
    /// exists (a bucket no server has migrated yet), `<bucket>/.dynamotrail`, whose folders have the
    /// same names.
    public static func forReading(bucketPath: String, configured: String?) -> StateDirectory {
        if let configured { return StateDirectory(root: configured) }
        let beside = besideBucket(bucketPath)
        let legacy = legacyFolder(bucketPath: bucketPath)
        if FileIO.isDirectory(beside.root) != true, FileIO.isDirectory(legacy) == true { return StateDirectory(root: legacy) }
        return beside
    }
}
