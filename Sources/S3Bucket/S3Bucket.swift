import AWSProtocol
import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The trail's bucket directory served as a read-only S3 bucket: GetBucketLocation, ListObjects v1
/// and v2, GetObject (with Range), HeadObject, HeadBucket. Writes are refused: the bucket belongs to
/// the trail. Answers are `S3Reply` values; errors are typed `S3Error`s the caller renders with its
/// request ids. Immutable and Sendable; every blocking file operation runs on `ioQueue`, never on a
/// Swift concurrency thread.
public struct S3Bucket: Sendable {
    public let name: String
    /// The region the bucket lives in (the trail's home region); GetBucketLocation says it.
    public let region: String
    let directory: BucketDirectory

    /// Where the file system work happens: concurrent, so a large read does not hold up a listing.
    static let ioQueue = DispatchQueue(label: "dynamotrail.s3bucket.io", qos: .userInitiated, attributes: .concurrent)

    /// - Parameters:
    ///   - path: the bucket directory.
    ///   - stateDirectory: the trail's state directory, whose `metadata/<key>.json` sidecars give the
    ///     objects' headers; nil: the old layout's `<path>/.dynamotrail`.
    public init(name: String, path: String, region: String, stateDirectory: String? = nil) {
        self.name = name
        self.region = region
        self.directory = BucketDirectory(root: path, stateDirectory: stateDirectory)
    }

    /// Decodes a request for this bucket (see `S3Operation.parse`).
    public func operation(method: String, rawPath: String, rawQuery: String, host: String?) -> S3Operation {
        S3Operation.parse(method: method, rawPath: rawPath, query: S3Query.parse(rawQuery), host: host, bucketName: name)
    }

    /// Performs `operation`. `range` is the request's `Range` header (GetObject only).
    public func perform(_ operation: S3Operation, range: String? = nil) async -> Result<S3Reply, S3Error> {
        if case .write = operation.kind { return .failure(.accessDenied) }
        guard operation.bucket == name else { return .failure(.noSuchBucket(bucket: operation.bucket)) }
        switch operation.kind {
        case .getBucketLocation:
            return .success(.xml(locationDocument))
        case .headBucket:
            return .success(S3Reply(status: 200, headers: [.init("x-amz-bucket-region", region)]))
        case .rejected(let error):
            return .failure(error)
        case .unsupported, .write:
            return .failure(.notImplemented)
        case .listObjects(let request):
            let page = await onIOQueue { [directory] in ListObjectsPage.list(directory, request) }
            return .success(.xml(page.xml(bucket: name, request: request)))
        case .headObject(let key):
            return await onIOQueue { [directory] in
                Self.head(directory, key: key).map { head in
                    S3Reply(status: 200, headers: head.headers(range: nil))
                }
            }
        case .getObject(let key):
            return await onIOQueue { [directory] in Self.get(directory, key: key, range: range) }
        }
    }

    /// `<LocationConstraint>`: empty for us-east-1, else the region.
    var locationDocument: String {
        let open = "<LocationConstraint xmlns=\"\(S3XML.namespace)\""
        if region == "us-east-1" || region.isEmpty { return S3XML.declaration + open + "/>" }
        return S3XML.declaration + open + ">" + S3XML.escape(region) + "</LocationConstraint>"
    }

    /// Runs blocking work on the I/O queue and resumes with its result.
    private func onIOQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Self.ioQueue.async { continuation.resume(returning: work()) }
        }
    }

    /// HeadObject: status, sidecar, and the ETag (the sidecar's, else MD5 of the file's bytes).
    static func head(_ directory: BucketDirectory, key: String) -> Result<ObjectHead, S3Error> {
        let status: BucketDirectory.FileStatus
        switch directory.status(ofKey: key) {
        case .failure(let error): return .failure(error)
        case .success(let fileStatus): status = fileStatus
        }
        let metadata = directory.metadata(forKey: key)
        var etag = metadata?.etag
        if etag == nil {
            switch directory.read(key: key, range: nil) {
            case .failure(let error): return .failure(error)
            case .success(let bytes): etag = Hex.encode(Digest.md5(bytes))
            }
        }
        return .success(
            ObjectHead(
                key: key, size: status.size, lastModified: metadata?.lastModified ?? status.modified,
                etag: "\"\(etag ?? "")\"", metadata: metadata))
    }

    /// GetObject: archived objects refused, the range resolved against the size, the bytes read once.
    static func get(_ directory: BucketDirectory, key: String, range rangeHeader: String?) -> Result<S3Reply, S3Error> {
        let status: BucketDirectory.FileStatus
        switch directory.status(ofKey: key) {
        case .failure(let error): return .failure(error)
        case .success(let s): status = s
        }
        let metadata = directory.metadata(forKey: key)
        var head = ObjectHead(
            key: key, size: status.size, lastModified: metadata?.lastModified ?? status.modified, etag: "",
            metadata: metadata)
        if head.isArchived { return .failure(.invalidObjectState(storageClass: head.storageClass)) }
        let range: ByteRange?
        switch ByteRange.resolve(rangeHeader, size: status.size) {
        case .failure(let error): return .failure(error)
        case .success(let r): range = r
        }
        // Without a sidecar ETag the whole file is read once and hashed; the range is cut from it.
        let wholeFile = metadata?.etag == nil || range == nil
        let bytes: [UInt8]
        switch directory.read(key: key, range: wholeFile ? nil : range) {
        case .failure(let error): return .failure(error)
        case .success(let b): bytes = b
        }
        head.etag = "\"\(metadata?.etag ?? Hex.encode(Digest.md5(bytes)))\""
        var body = bytes
        var served = range
        if wholeFile {
            head.size = bytes.count
            if range != nil {
                // The file may have changed size since `status`: resolve again against what was read.
                guard case .success(let again) = ByteRange.resolve(rangeHeader, size: bytes.count), let again else {
                    return .failure(.invalidRange(requested: rangeHeader ?? "", size: bytes.count))
                }
                served = again
                body = Array(bytes[again.first...again.last])
            }
        } else if let r = range, bytes.count != r.count {
            // The file shrank while being read: say what was served.
            served = bytes.isEmpty ? nil : ByteRange(first: r.first, last: r.first + bytes.count - 1)
        }
        return .success(S3Reply(status: served == nil ? 200 : 206, headers: head.headers(range: served), body: body))
    }
}
