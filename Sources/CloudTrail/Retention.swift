import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Lifecycle rules for delivered objects: after `archiveAfterDays` the sidecar's storage class
/// becomes `GLACIER`; after `deleteAfterDays` the object and its sidecar are deleted. Only keys
/// under `[<prefix>/]AWSLogs/` are touched. An object's age comes from its sidecar's
/// `lastModified` (set from the injected clock at delivery; sidecars live in the state directory),
/// or the file's mtime without one.
///
/// Isolation: stateless; called on the recorder's serial queue (blocking file I/O).
enum Retention {
    static func apply(
        bucketRoot: String, state: StateDirectory, logsRoot: String, settings: TrailSettings.Retention, now: Date
    ) -> RetentionReport {
        var report = RetentionReport()
        // Negative day counts are ignored rather than read as "everything is old enough".
        let deleteAfter = settings.deleteAfterDays.flatMap { $0 >= 0 ? $0 : nil }
        let archiveAfter = settings.archiveAfterDays.flatMap { $0 >= 0 ? $0 : nil }
        guard archiveAfter != nil || deleteAfter != nil else { return report }
        let base = FileIO.join(bucketRoot, logsRoot)
        guard let paths = FileIO.subpaths(base) else { return report }
        var keys: [String] = []
        for relative in paths where FileIO.isDirectory(FileIO.join(base, relative)) == false {
            keys.append(logsRoot + relative)
        }
        for key in keys.sorted() {
            let objectPath = FileIO.join(bucketRoot, key)
            let sidecarPath = state.sidecarPath(forKey: key)
            var metadata = (try? FileIO.readFile(sidecarPath)).flatMap { $0 }.flatMap { try? ObjectMetadata.decode($0) }
            let modified: Date
            if let metadata {
                modified = metadata.lastModified
            } else if let date = FileIO.modificationDate(objectPath) {
                modified = date
            } else {
                continue
            }
            let ageDays = now.timeIntervalSince(modified) / 86_400
            if let days = deleteAfter, ageDays >= Double(days) {
                do {
                    try FileIO.remove(objectPath)
                    try FileIO.remove(sidecarPath)
                    report.deleted.append(key)
                } catch {
                    report.errors.append("\(error)")
                }
                continue
            }
            if let days = archiveAfter, ageDays >= Double(days) {
                var updated =
                    metadata
                    ?? ObjectMetadata(
                        contentType: key.hasSuffix(".json.gz") ? "application/json" : "application/octet-stream",
                        contentEncoding: key.hasSuffix(".gz") ? "gzip" : nil, lastModified: modified)
                guard updated.storageClass != "GLACIER" else { continue }
                updated.storageClass = "GLACIER"
                metadata = updated
                do {
                    try FileIO.writeAtomically(
                        updated.encoded(), to: sidecarPath, temp: sidecarPath + ".tmp", durable: false)
                    report.archived.append(key)
                } catch {
                    report.errors.append("\(error)")
                }
            }
        }
        return report
    }
}
