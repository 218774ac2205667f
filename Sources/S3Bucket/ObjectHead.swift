import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What HeadObject and GetObject say about an object: its file's size and time, and the sidecar's
/// metadata (or S3's defaults: `binary/octet-stream`, SSE-S3 `AES256`, STANDARD, ETag = MD5 of the bytes).
public struct ObjectHead: Sendable, Equatable {
    public var key: String
    public var size: Int
    public var lastModified: Date
    /// Quoted, as S3 sends it.
    public var etag: String
    public var metadata: ObjectMetadata?

    /// S3's content type for objects stored without one.
    public static let defaultContentType = "binary/octet-stream"

    public var storageClass: String { metadata?.storageClass ?? "STANDARD" }

    /// True for archived storage classes whose bytes need a restore before GetObject.
    public var isArchived: Bool { storageClass == "GLACIER" || storageClass == "DEEP_ARCHIVE" }

    /// The response headers, in S3's order (Unverified beyond the names): Last-Modified, ETag,
    /// encryption, storage class when not STANDARD, `x-amz-meta-*` (lowercase, sorted), Accept-Ranges,
    /// Content-Encoding, Content-Range (206), Content-Type, Content-Length.
    public func headers(range: ByteRange?) -> [S3Reply.Header] {
        var out: [S3Reply.Header] = [
            .init("Last-Modified", S3Date.rfc1123(lastModified)), .init("ETag", etag),
            .init("x-amz-server-side-encryption", metadata?.serverSideEncryption ?? "AES256"),
        ]
        if let kms = metadata?.sseKMSKeyId, metadata?.serverSideEncryption == "aws:kms" {
            out.append(.init("x-amz-server-side-encryption-aws-kms-key-id", kms))
        }
        if storageClass != "STANDARD" { out.append(.init("x-amz-storage-class", storageClass)) }
        for (name, value) in (metadata?.userMetadata ?? [:]).sorted(by: { $0.key < $1.key }) {
            out.append(.init("x-amz-meta-" + name.lowercased(), value))
        }
        out.append(.init("Accept-Ranges", "bytes"))
        if let encoding = metadata?.contentEncoding { out.append(.init("Content-Encoding", encoding)) }
        if let range { out.append(.init("Content-Range", range.contentRange(size: size))) }
        out.append(.init("Content-Type", metadata?.contentType ?? Self.defaultContentType))
        out.append(.init("Content-Length", String(range?.count ?? size)))
        return out
    }
}
