#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One incarnation of a DynamoDB table, with everything DescribeTable reports. Statuses are computed from
/// timestamps against the request's clock (`status(at:)`, `settle(now:)`), so no timers run.
struct Table: Sendable {
    var name: String
    var id: String
    var arn: String
    var createdAt: Date
    var activeAt: Date
    var attributeDefinitions: [KeyElement]
    var keySchema: [KeyElement]
    var billingMode: BillingMode
    /// BillingModeSummary is shown once a table was created or switched to PAY_PER_REQUEST.
    var showsBillingSummary: Bool
    var lastUpdateToPayPerRequest: Date?
    var throughput: Throughput
    var pendingThroughput: PendingThroughput?
    var localIndexes: [LocalIndex]
    var globalIndexes: [GlobalIndex]
    var streamSpecification: (enabled: Bool, viewType: StreamViewType?)?
    var streamRemovalAt: Date?
    var latestStreamArn: String?
    var latestStreamLabel: String?
    var sse: SSEState?
    var tableClass: TableClass?
    var tableClassUpdatedAt: Date?
    var pendingTableClass: (tableClass: TableClass, at: Date)?
    var tableClassChanges: [Date] = []
    var deletionProtection: Bool
    var deletionProtectionChangedAt: Date?
    var onDemand: OnDemandLimits?
    var warm: (read: Int64, write: Int64)
    var warmSent: Bool
    var tags: [(key: String, value: String)]
    var resourcePolicy: String?
    var ttl: (enabled: Bool, attribute: String)?
    var pointInTimeRecovery: (enabled: Bool, days: Int, since: Date)?
    /// Table-level UPDATING until this instant, and what is in flight (for ResourceInUse texts).
    var updatingUntil: Date?
    var updateKind: UpdateKind = .other
    var deletingSince: Date?
    /// WarmThroughput.Status is UPDATING until this instant after a WarmThroughput change (TableStatus stays ACTIVE).
    var warmUpdatingUntil: Date?

    /// The change an UPDATING table is going through; picks the ResourceInUse text of a second UpdateTable.
    enum UpdateKind: Sendable, Equatable {
        case throughput
        /// A stream being enabled or disabled, with the label of the stream concerned.
        case streamEnable(label: String)
        case streamDisable(label: String)
        case billing
        case tableClass(TableClass)
        case index, other
    }

    var isPayPerRequest: Bool { billingMode == .payPerRequest }

    /// CREATING, UPDATING, DELETING or ACTIVE at `now` (after `settle`).
    func status(at now: Date) -> TableStatus {
        if deletingSince != nil { return .deleting }
        if now < activeAt { return .creating }
        if let updatingUntil, now < updatingUntil { return .updating }
        return .active
    }

    /// The table's global index called `name`, if it has one.
    func globalIndexPosition(_ name: String) -> Int? { globalIndexes.firstIndex { $0.name == name } }

    func hasLocalIndex(_ name: String) -> Bool { localIndexes.contains { $0.name == name } }
}
