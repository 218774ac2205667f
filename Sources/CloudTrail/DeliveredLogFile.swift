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

/// A snapshot of the trail's delivery health for the server's health endpoint.
public struct TrailHealth: Sendable, Equatable {
    /// False after `setLogging(false)` (StopLogging).
    public var isLogging: Bool
    /// Acknowledged records not yet in a delivered file.
    public var pendingRecords: Int
    /// Delivery decisions made but not yet written (e.g. the bucket is unwritable).
    public var pendingFiles: Int
    public var deliveredRecords: Int
    public var deliveredFiles: Int
    public var lastDeliveryTime: Date?
    /// The most recent delivery or journal error; cleared by the next successful delivery.
    public var lastError: String?
    public var lastErrorTime: Date?
    /// Consecutive failed delivery attempts since the last success.
    public var consecutiveFailures: Int
    /// The last failure to append to the notifications file (deliveries go on regardless).
    public var lastNotificationError: String?
    /// True when nothing is failing.
    public var healthy: Bool { lastError == nil && lastNotificationError == nil }
}

/// What a retention sweep did.
public struct RetentionReport: Sendable, Equatable {
    /// Keys whose sidecar storage class was set to `GLACIER`.
    public var archived: [String] = []
    /// Keys deleted with their sidecars.
    public var deleted: [String] = []
    public var errors: [String] = []
    public init() {}
}
