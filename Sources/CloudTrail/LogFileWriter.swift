import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes one log file and its metadata sidecar into a bucket directory: the one write path for the
/// recorder's deliveries and for tools that produce files offline without a journal (`dynamotrail
/// sample`). Temp file in the state directory's `tmp/`, optional fsync, rename into the bucket (through a
/// hidden temp file beside it when the state directory is on another file system), then the sidecar in
/// the state directory's `metadata/`.
///
/// Isolation: stateless; its blocking file I/O runs on the caller's thread (the recorder's queue, or
/// a sample writer's queue), never on a concurrency thread.
public enum LogFileWriter {
    /// zlib's fastest level: deliveries run on the recorder's queue, and CloudTrail's own level is not
    /// documented; level 1 is several times faster than the default for about a third more bytes.
    public static let compressionLevel: Int32 = 1

    /// `{"Records":[…]}` with the records joined verbatim: the exact bytes a digest's hash covers.
    /// Compact JSON: that real files are compact is Unverified (AWS documents only pretty-printed
    /// examples, "CloudTrail log file examples"), but every parser accepts it.
    public static func body(_ records: [[UInt8]]) -> [UInt8] {
        var body: [UInt8] = Array(#"{"Records":["#.utf8)
        body.reserveCapacity(records.reduce(16) { $0 + $1.count + 1 })
        for (index, record) in records.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(contentsOf: record)
        }
        body.append(contentsOf: "]}".utf8)
        return body
    }

    /// The S3 metadata CloudTrail sets on a log object. Server-side encryption `AES256` is what a real
    /// CloudTrail `PutObject` sends (observed in a published 2019 record); Content-Type/Encoding come
    /// from third-party reports: Unverified.
    public static func metadata(compressed: [UInt8], settings: TrailSettings, at date: Date) -> ObjectMetadata {
        let kms = settings.encryption.type == "aws:kms"
        return ObjectMetadata(
            contentType: "application/json", contentEncoding: "gzip",
            serverSideEncryption: kms ? "aws:kms" : "AES256", sseKMSKeyId: kms ? settings.encryption.kmsKeyId : nil,
            storageClass: "STANDARD", userMetadata: [:], etag: Hex.encode(Digest.md5(compressed)), lastModified: date)
    }

    /// Writes `records` as the log file `key` under `settings.bucket.path` (temp name, then rename) with its
    /// sidecar dated `deliveredAt`; not fsynced (`durable: false`) unless asked. Blocking: call it off
    /// concurrency threads.
    public static func write(
        records: [[UInt8]], oldestEventTime: Date, newestEventTime: Date, key: String, account: String, region: String,
        deliveredAt: Date, settings: TrailSettings, durable: Bool = false
    ) throws(FileIOError) -> DeliveredLogFile {
        let written: Written
        do {
            written = try write(records: records, key: key, settings: settings, lastModified: deliveredAt, durable: durable)
        } catch let error as FileIOError {
            throw error
        } catch {
            throw FileIOError(operation: "gzip", path: key, code: 0)
        }
        return DeliveredLogFile(
            bucket: settings.bucket.name, key: key, account: account, region: region,
            sha256Hex: written.sha256Hex, oldestEventTime: oldestEventTime,
            newestEventTime: newestEventTime, deliveredAt: deliveredAt, recordCount: records.count, replayed: false)
    }
}

extension LogFileWriter {
    /// A point inside `write` where the recorder's tests may stop it dead, as `kill -9` would.
    enum Step {
        case tempFileWritten, renamed, sidecarWritten
    }

    /// What `write` produced.
    struct Written {
        /// Lowercase hex SHA-256 of the uncompressed body, as a digest lists it.
        var sha256Hex: String
    }

    /// Writes the log file `key` and its sidecar: body → gzip → `<state>/tmp/<file name>.tmp`
    /// (fsynced when `durable`) → rename into the bucket (directory fsynced when `durable`) → sidecar
    /// (same temp-and-rename), its `lastModified` set to `lastModified`. Rewriting the same key
    /// writes the same bytes, so a replay after a crash repairs a half-done delivery in place.
    /// - Parameter afterStep: called after each step; what it throws stops the write there (a simulated crash).
    /// - Throws: `Gzip.Failure`, `FileIOError` (a temp file that failed is removed), or what `afterStep` threw.
    static func write(
        records: [[UInt8]], key: String, settings: TrailSettings, lastModified: Date, durable: Bool,
        afterStep: (Step) throws -> Void = { _ in }
    ) throws -> Written {
        let body = body(records)
        let compressed = try Gzip.compress(body, level: compressionLevel)
        let state = settings.state
        let finalPath = FileIO.join(settings.bucket.path, key)
        let tempPath = FileIO.join(state.temporary, "\(FileIO.lastComponent(key)).tmp")
        try FileIO.makeDirectories(FileIO.parent(finalPath))
        try FileIO.makeDirectories(FileIO.parent(tempPath))
        do {
            try FileIO.writeFile(compressed, to: tempPath, durable: durable)
        } catch {
            try? FileIO.remove(tempPath)
            throw error
        }
        try afterStep(.tempFileWritten)
        do {
            try FileIO.renameIntoBucket(tempPath, to: finalPath, durable: durable)
        } catch {
            try? FileIO.remove(tempPath)
            throw error
        }
        try afterStep(.renamed)
        let metadata = metadata(compressed: compressed, settings: settings, at: lastModified)
        let sidecar = state.sidecarPath(forKey: key)
        try FileIO.writeAtomically(metadata.encoded(), to: sidecar, temp: sidecar + ".tmp", durable: durable)
        try afterStep(.sidecarWritten)
        return Written(sha256Hex: Digest.sha256Hex(body))
    }
}
