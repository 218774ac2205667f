/// A read-only S3 request, decoded from method, path-style (or virtual-host) path and query string:
/// which operation, on which bucket and key. Pure; no I/O and no HTTP types.
public struct S3Operation: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case getBucketLocation
        case listObjects(ListObjectsRequest)
        case headBucket
        case getObject(key: String)
        case headObject(key: String)
        /// PUT, POST or DELETE of anything: the bucket belongs to the trail.
        case write(method: String, key: String?)
        /// A bucket subresource (`?acl`, `?policy`, …) or method that is not served.
        case unsupported
        /// A listing with parameters S3 rejects.
        case rejected(S3Error)
    }

    public var bucket: String
    public var kind: Kind

    /// Bucket subresources S3 knows; asking for one of them is not a listing.
    static let subresources: Set<String> = [
        "accelerate", "acl", "analytics", "cors", "encryption", "intelligent-tiering", "inventory", "lifecycle",
        "logging", "metrics", "notification", "object-lock", "ownershipControls", "policy", "policyStatus",
        "publicAccessBlock", "replication", "requestPayment", "restore", "retention", "legal-hold", "select",
        "tagging", "torrent", "uploads", "uploadId", "versioning", "versions", "website", "attributes", "delete",
    ]

    /// Decodes a request. `host` is the `Host` header: `<bucketName>.<anything>` is virtual-host style
    /// (the whole path is the key); otherwise the first path segment is the bucket. The path is
    /// percent-decoded; a path that does not decode to UTF-8 names a key no object has.
    public static func parse(method: String, rawPath: String, query: [(name: String, value: String)], host: String?, bucketName: String)
        -> S3Operation
    {
        let path = rawPath.hasPrefix("/") ? String(rawPath.dropFirst()) : rawPath
        let bucket: String
        let rawKey: Substring
        let hostName = host.map { $0.split(separator: ":", maxSplits: 1).first.map(String.init) ?? "" }?.lowercased()
        if let hostName, hostName.hasPrefix(bucketName.lowercased() + ".") {
            bucket = bucketName
            rawKey = Substring(path)
        } else if let slash = path.firstIndex(of: "/") {
            bucket = decode(path[..<slash])
            rawKey = path[path.index(after: slash)...]
        } else {
            bucket = decode(Substring(path))
            rawKey = ""
        }
        let key: String? = rawKey.isEmpty ? nil : decode(rawKey)
        let names = Set(query.map(\.name))
        switch method {
        case "PUT", "POST", "DELETE":
            return S3Operation(bucket: bucket, kind: .write(method: method, key: key))
        case "GET", "HEAD":
            break
        default:
            return S3Operation(bucket: bucket, kind: .unsupported)
        }
        let isHead = method == "HEAD"
        if let key {
            if !names.isDisjoint(with: subresources) { return S3Operation(bucket: bucket, kind: .unsupported) }
            return S3Operation(bucket: bucket, kind: isHead ? .headObject(key: key) : .getObject(key: key))
        }
        if isHead { return S3Operation(bucket: bucket, kind: .headBucket) }
        if names.contains("location") { return S3Operation(bucket: bucket, kind: .getBucketLocation) }
        if !names.isDisjoint(with: subresources) { return S3Operation(bucket: bucket, kind: .unsupported) }
        switch ListObjectsRequest.parse(query) {
        case .success(let request): return S3Operation(bucket: bucket, kind: .listObjects(request))
        case .failure(let error): return S3Operation(bucket: bucket, kind: .rejected(error))
        }
    }

    /// The IAM action a deny list is matched against (`s3:GetObject`, `s3:ListBucket`, …).
    public var action: String {
        switch kind {
        case .getBucketLocation: "s3:GetBucketLocation"
        case .listObjects, .headBucket, .rejected: "s3:ListBucket"
        case .getObject, .headObject: "s3:GetObject"
        case .write(let method, let key):
            switch (method, key) {
            case ("DELETE", nil): "s3:DeleteBucket"
            case ("DELETE", _): "s3:DeleteObject"
            case (_, nil): "s3:CreateBucket"
            default: "s3:PutObject"
            }
        case .unsupported: "s3:Unknown"
        }
    }

    /// The resource ARN of the action: the bucket, or the object for object operations.
    public var resource: String {
        switch kind {
        case .getObject(let key), .headObject(let key), .write(_, .some(let key)): "arn:aws:s3:::\(bucket)/\(key)"
        default: "arn:aws:s3:::\(bucket)"
        }
    }

    /// Percent-decodes a path piece (no `+` rule in paths); bytes that are not UTF-8 become U+FFFD,
    /// which no listed key contains.
    static func decode(_ text: Substring) -> String {
        String(decoding: S3Query.percentDecode(text), as: UTF8.self)
    }
}
