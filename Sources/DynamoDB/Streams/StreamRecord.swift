#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A DynamoDB stream: one per enable, kept (DISABLED) for 24 hours after it is disabled.
struct StreamRecord: Sendable {
    var arn: String
    var label: String
    var tableName: String
    var viewType: StreamViewType
    var keySchema: [KeyElement]
    var createdAt: Date
    var enabledAt: Date
    var disablingSince: Date?
    var disabledAt: Date?
    var shardId: String
    var startingSequenceNumber: String

    func status(at now: Date) -> StreamStatus {
        if let disabledAt { return now < disabledAt ? .disabling : .disabled }
        return now < enabledAt ? .enabling : .enabled
    }

    /// Streams disabled more than 24 hours ago are forgotten.
    func expired(at now: Date) -> Bool {
        guard let disabledAt else { return false }
        return now.timeIntervalSince(disabledAt) >= 86_400
    }

    /// Starts disabling the stream now; it is DISABLED from `disabledAt`.
    mutating func disable(now: Date, disabledAt: Date) {
        disablingSince = now
        self.disabledAt = disabledAt
    }
}
