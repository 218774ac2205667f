#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A snapshot of the trail's delivery health for the server's health endpoint.
public struct TrailHealth: Sendable, Equatable {
    /// False while any account's trail is stopped (StopLogging).
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
    /// Consecutive failed delivery attempts (writing the file or journaling its decision) since the last success.
    public var consecutiveFailures: Int
    /// The last failure to append to the notifications file (deliveries go on regardless).
    public var lastNotificationError: String?
    /// False while new calls are refused because the journal cannot take their records.
    public var acceptingCalls: Bool = true
    /// Why calls are refused (nil while accepted).
    public var refusalReason: String? = nil
    /// Calls refused since start, before they changed anything.
    public var refusedCalls: Int = 0
    /// The journal reserve's size (the configured one, or an eighth of a smaller file system), and
    /// whether it is allocated now (spent while the disk is full).
    public var reserveBytes: Int = 0
    public var reserveHeld: Bool = false
    /// Journal writes that failed since start.
    public var journalFailures: Int = 0
    /// Performed calls whose record could not be made durable (journal write or fsync failed): they were
    /// answered with an error, never as a success.
    public var unrecordedCalls: Int = 0
    /// True when nothing is failing and calls are accepted.
    public var healthy: Bool { lastError == nil && lastNotificationError == nil && acceptingCalls }
}
