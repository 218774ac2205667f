#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What one delivered log file was, handed to the delivery hook (`DigestWriter` needs
/// exactly these: a digest's `logFiles[]` and its oldest/newest event times, per AWS's "CloudTrail digest
/// file structure").
public struct DeliveredLogFile: Sendable, Equatable {
    /// The bucket name (`trail.bucket.name`).
    public var bucket: String
    /// The object key, relative to the bucket, including any prefix.
    public var key: String
    public var account: String
    public var region: String
    /// Lowercase hex SHA-256 of the *uncompressed* `{"Records":[…]}` bytes, exactly as written.
    public var sha256Hex: String
    public var oldestEventTime: Date
    public var newestEventTime: Date
    /// The delivery time that named the file (to the minute in the key).
    public var deliveredAt: Date
    public var recordCount: Int
    /// True when this delivery was completed by a journal replay after a restart; a hook may be
    /// called twice for the same key across a crash, so consumers should be keyed by `key`.
    public var replayed: Bool
}
