import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes one log file and its metadata sidecar straight into a bucket directory, without a journal:
/// for tools that produce files offline (`dynamotrail sample`). The bytes and metadata are the ones
/// the recorder delivers.
public enum LogFileWriter {
    /// zlib's fastest level: deliveries run on the recorder's queue, and CloudTrail's own level is not
    /// documented; level 1 is several times faster than the default for about a third more bytes.
    public static let compressionLevel: Int32 = 1

    /// `{"Records":[…]}` with the records joined verbatim: the exact bytes a digest's hash covers.
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

    /// The S3 metadata CloudTrail sets on a log object. Content-Type/Encoding come from third-party
    /// reports (reference §1.5 shows only the SSE and ACL headers): Unverified.
    public static func metadata(compressed: [UInt8], settings: TrailSettings, at date: Date) -> ObjectMetadata {
        let kms = settings.encryption.type == "aws:kms"
        return ObjectMetadata(
            contentType: "application/json", contentEncoding: "gzip",
            serverSideEncryption: kms ? "aws:kms" : "AES256", sseKMSKeyId: kms ? settings.encryption.kmsKeyId : nil,
            storageClass: "STANDARD", userMetadata: [:], etag: Hex.encode(Digest.md5(compressed)), lastModified: date)
    }

    /// Writes `records` as the log file `key` under `settings.bucket.path` (temp name, then rename) with its
    /// sidecar; not fsynced (`durable: false`) unless asked. Blocking: call it off concurrency threads.
    public static func write(
        records: [[UInt8]], oldestEventTime: Date, newestEventTime: Date, key: String, account: String, region: String,
        deliveredAt: Date, settings: TrailSettings, durable: Bool = false
    ) throws(FileIOError) -> DeliveredLogFile {
        let body = body(records)
        let compressed: [UInt8]
        do {
            compressed = try Gzip.compress(body, level: compressionLevel)
        } catch {
            throw FileIOError(operation: "gzip", path: key, code: 0)
        }
        let root = settings.bucket.path
        let finalPath = FileIO.join(root, key)
        let temp = FileIO.join(root, ".dynamotrail/tmp/\(key.split(separator: "/").last ?? "log").tmp")
        try FileIO.writeAtomically(compressed, to: finalPath, temp: temp, durable: durable)
        let sidecar = FileIO.join(root, ObjectMetadata.sidecarPath(forKey: key))
        let metadata = metadata(compressed: compressed, settings: settings, at: deliveredAt)
        try FileIO.writeAtomically(metadata.encoded(), to: sidecar, temp: sidecar + ".tmp", durable: durable)
        return DeliveredLogFile(
            bucket: settings.bucket.name, key: key, account: account, region: region, sha256Hex: Digest.sha256Hex(body),
            oldestEventTime: oldestEventTime, newestEventTime: newestEventTime, deliveredAt: deliveredAt,
            recordCount: records.count, replayed: false)
    }
}
