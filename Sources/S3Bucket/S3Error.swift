import AWSProtocol

/// An S3 error, typed: what went wrong and the details S3 adds to its XML `<Error>` document.
/// Rendered by `wire` into code, message, HTTP status and extra elements, in S3's wording
/// (recalled from S3 responses; Unverified where no live capture was recorded). AWS: Amazon S3 API
/// Reference, "Error responses" (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
public enum S3Error: Error, Sendable, Equatable {
    /// The path names a bucket other than the trail's.
    case noSuchBucket(bucket: String)
    /// No object has that key (or the key names the private folder, a directory or a symlink).
    case noSuchKey(key: String)
    /// GetObject on an archived object (GLACIER, DEEP_ARCHIVE) that was never restored.
    case invalidObjectState(storageClass: String)
    /// A `Range` whose first byte is past the end of the object.
    case invalidRange(requested: String, size: Int)
    /// Writes: the bucket belongs to the trail, nobody may change it through the API.
    case accessDenied
    /// A query parameter with a value S3 rejects (max-keys, encoding-type, continuation-token).
    case invalidArgument(message: String, name: String, value: String)
    /// A subresource or operation DynamoTrail's read-only S3 does not serve.
    case notImplemented
    /// Reading the bucket directory failed in a way that is not "no such key".
    case internalError

    /// Code, message, HTTP status and the extra elements in S3's order.
    public var wire: SigV4S3Error {
        switch self {
        case .noSuchBucket(let bucket):
            return SigV4S3Error("NoSuchBucket", "The specified bucket does not exist", 404, [.init("BucketName", bucket)])
        case .noSuchKey(let key):
            return SigV4S3Error("NoSuchKey", "The specified key does not exist.", 404, [.init("Key", key)])
        case .invalidObjectState(let storageClass):
            return SigV4S3Error(
                "InvalidObjectState", "The operation is not valid for the object's storage class", 403,
                [.init("StorageClass", storageClass)])
        case .invalidRange(let requested, let size):
            return SigV4S3Error(
                "InvalidRange", "The requested range is not satisfiable", 416,
                [.init("RangeRequested", requested), .init("ActualObjectSize", String(size))])
        case .accessDenied:
            return SigV4S3Error("AccessDenied", "Access Denied", 403)
        case .invalidArgument(let message, let name, let value):
            return SigV4S3Error(
                "InvalidArgument", message, 400, [.init("ArgumentName", name), .init("ArgumentValue", value)])
        case .notImplemented:
            return SigV4S3Error(
                "NotImplemented", "A header you provided implies functionality that is not implemented", 501)
        case .internalError:
            return SigV4S3Error("InternalError", "We encountered an internal error. Please try again.", 500)
        }
    }
}
