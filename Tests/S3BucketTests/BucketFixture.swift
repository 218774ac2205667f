import AWSProtocol
import Foundation

@testable import S3Bucket

/// A temporary bucket directory with files, sidecars and private state, removed by `remove()`.
struct BucketFixture {
    let root: URL
    let bucket: S3Bucket

    init(name: String = "trail-bucket", region: String = "us-east-1") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("s3bucket-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        bucket = S3Bucket(name: name, path: root.path, region: region)
    }

    /// Writes `bytes` at `key` (directories created), with mtime `modified` when given.
    @discardableResult
    func put(_ key: String, _ text: String, modified: Date? = nil) throws -> URL {
        try put(key, bytes: Array(text.utf8), modified: modified)
    }

    @discardableResult
    func put(_ key: String, bytes: [UInt8], modified: Date? = nil) throws -> URL {
        let url = root.appendingPathComponent(key)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        if let modified { try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path) }
        return url
    }

    /// Writes the sidecar of `key`, as CloudTrail does.
    func sidecar(_ key: String, _ metadata: ObjectMetadata) throws {
        try put(ObjectMetadata.sidecarPath(forKey: key), bytes: metadata.encoded())
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Performs a GET/HEAD the way the router would.
    func send(_ method: String, _ target: String, range: String? = nil, host: String? = nil) async -> Result<S3Reply, S3Error> {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let operation = bucket.operation(
            method: method, rawPath: String(parts[0]), rawQuery: parts.count > 1 ? String(parts[1]) : "", host: host)
        return await bucket.perform(operation, range: range)
    }

    /// The body text of a successful answer, or a description of the error.
    func text(_ method: String, _ target: String) async -> String {
        switch await send(method, target) {
        case .success(let reply): return String(decoding: reply.body, as: UTF8.self)
        case .failure(let error): return "error \(error)"
        }
    }
}

/// The values of every `<name>` element of an XML text, in order (enough for S3's flat documents).
func elements(_ name: String, in xml: String) -> [String] {
    var out: [String] = []
    var rest = Substring(xml)
    while let open = rest.range(of: "<\(name)>") {
        guard let close = rest[open.upperBound...].range(of: "</\(name)>") else { break }
        out.append(String(rest[open.upperBound..<close.lowerBound]))
        rest = rest[close.upperBound...]
    }
    return out
}
