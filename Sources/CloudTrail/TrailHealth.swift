#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

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
