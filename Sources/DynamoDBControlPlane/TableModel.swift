import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One attribute of a key schema or an attribute definition.
struct KeyElement: Sendable, Equatable {
    var name: String
    var type: String  // KeyType (HASH/RANGE) or AttributeType (S/N/B)
}

/// A secondary index's projection.
struct Projection: Sendable, Equatable {
    var type: String
    var nonKeyAttributes: [String]?

    var json: JSONValue {
        var object = JSONObject()
        object.append("ProjectionType", .string(type))
        if let nonKeyAttributes { object.append("NonKeyAttributes", .array(nonKeyAttributes.map { .string($0) })) }
        return .object(object)
    }
}

/// Provisioned read/write capacity with AWS's bookkeeping of increases and decreases.
struct Throughput: Sendable, Equatable {
    var read: Int64
    var write: Int64
    var lastIncrease: Date?
    var lastDecrease: Date?
    var decreasesToday = 0
    /// The UTC day (days since epoch) `decreasesToday` counts for.
    var decreaseDay = 0

    func json(now: Date) -> JSONValue {
        var object = JSONObject()
        if let lastIncrease { object.append("LastIncreaseDateTime", .epochSeconds(lastIncrease)) }
        if let lastDecrease { object.append("LastDecreaseDateTime", .epochSeconds(lastDecrease)) }
        let today = Int((now.timeIntervalSince1970 / 86_400).rounded(.down))
        object.append("NumberOfDecreasesToday", .int(today == decreaseDay ? decreasesToday : 0))
        object.append("ReadCapacityUnits", .int64(read))
        object.append("WriteCapacityUnits", .int64(write))
        return .object(object)
    }
}

/// A pending provisioned-throughput change, applied when the update transition ends.
struct PendingThroughput: Sendable, Equatable {
    var read: Int64
    var write: Int64
    var at: Date
}

/// Max request units of an on-demand table or index (`-1` = no limit).
struct OnDemandLimits: Sendable, Equatable {
    var maxRead: Int64?
    var maxWrite: Int64?

    /// UpdateTable merges member by member: a member sent replaces the old one, `-1` clears it
    /// (observed on AWS, 2026).
    func merged(with update: OnDemandLimits) -> OnDemandLimits {
        OnDemandLimits(maxRead: update.maxRead ?? maxRead, maxWrite: update.maxWrite ?? maxWrite)
    }

    /// What DescribeTable shows: cleared (`-1`) members are omitted, and nothing when no limit is left
    /// (AWS echoes `-1` only in the mutation's response; observed in 2026).
    var described: OnDemandLimits? {
        let shown = OnDemandLimits(maxRead: maxRead == -1 ? nil : maxRead, maxWrite: maxWrite == -1 ? nil : maxWrite)
        return shown.maxRead == nil && shown.maxWrite == nil ? nil : shown
    }

    var json: JSONValue {
        var object = JSONObject()
        if let maxRead { object.append("MaxReadRequestUnits", .int64(maxRead)) }
        if let maxWrite { object.append("MaxWriteRequestUnits", .int64(maxWrite)) }
        return .object(object)
    }
}

/// A local secondary index: fixed at creation, no status.
struct LocalIndex: Sendable, Equatable {
    var name: String
    var keySchema: [KeyElement]
    var projection: Projection
}

/// A global secondary index with its own lifecycle, computed lazily from timestamps.
struct GlobalIndex: Sendable, Equatable {
    var name: String
    var keySchema: [KeyElement]
    var projection: Projection
    var throughput: Throughput
    var pendingThroughput: PendingThroughput?
    var onDemand: OnDemandLimits?
    var warm: (read: Int64, write: Int64)?
    /// Created by UpdateTable (shows `Backfilling`), as opposed to with the table.
    var createdOnline: Bool
    /// CREATING until this instant (for online creation: resource allocation until `backfillFrom`, then backfilling).
    var activeAt: Date
    var backfillFrom: Date?
    var updatingUntil: Date?
    var deletingUntil: Date?

    static func == (a: GlobalIndex, b: GlobalIndex) -> Bool { a.name == b.name && a.activeAt == b.activeAt }

    func status(at now: Date) -> String {
        if deletingUntil != nil { return "DELETING" }
        if now < activeAt { return "CREATING" }
        if let updatingUntil, now < updatingUntil { return "UPDATING" }
        return "ACTIVE"
    }
}

/// Server-side encryption with a KMS key (AWS-owned default keys are not described).
struct SSEState: Sendable, Equatable {
    var kmsKeyArn: String
    var updatingUntil: Date?
    /// The key a key change replaces: still reported while the change is in flight (reference §2.5 [DDB-2026]:
    /// "a key change echoes the OLD KMSMasterKeyArn for 8–9 s"; Unverified simplification: for the whole change).
    var previousKeyArn: String? = nil
    /// A switch back to the AWS-owned key: the KMS description shows UPDATING, then goes when the change ends
    /// (Unverified: by analogy with the key-change echo of §2.5; SSEDescription is absent for AWS-owned keys).
    var removedWhenSettled = false
}

/// One incarnation of a DynamoDB table, with everything DescribeTable reports.
struct Table: Sendable {
    var name: String
    var id: String
    var arn: String
    var createdAt: Date
    var activeAt: Date
    var attributeDefinitions: [KeyElement]
    var keySchema: [KeyElement]
    var payPerRequest: Bool
    /// BillingModeSummary is shown once a table was created or switched to PAY_PER_REQUEST.
    var showsBillingSummary: Bool
    var lastUpdateToPayPerRequest: Date?
    var throughput: Throughput
    var pendingThroughput: PendingThroughput?
    var localIndexes: [LocalIndex]
    var globalIndexes: [GlobalIndex]
    var streamSpecification: (enabled: Bool, viewType: String?)?
    var streamRemovalAt: Date?
    var latestStreamArn: String?
    var latestStreamLabel: String?
    var sse: SSEState?
    var tableClass: String?
    var tableClassUpdatedAt: Date?
    var pendingTableClass: (tableClass: String, at: Date)?
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

    enum UpdateKind: Sendable, Equatable {
        case throughput
        case streamEnable(String)
        case streamDisable(String)
        case billing
        case tableClass(String)
        case index, other
    }

    var hashKey: String { keySchema.first?.name ?? "" }

    /// CREATING, UPDATING, DELETING or ACTIVE at `now` (after `settle`).
    func status(at now: Date) -> String {
        if deletingSince != nil { return "DELETING" }
        if now < activeAt { return "CREATING" }
        if let updatingUntil, now < updatingUntil { return "UPDATING" }
        return "ACTIVE"
    }

    /// Applies every transition whose time has come: new throughput, stream spec removal, table class,
    /// index statuses, removal of deleted indexes. Called on each access, so no timers are needed.
    mutating func settle(now: Date) {
        if let pending = pendingThroughput, now >= pending.at {
            Table.apply(pending, to: &throughput)
            pendingThroughput = nil
        }
        if let at = streamRemovalAt, now >= at {
            streamSpecification = nil
            streamRemovalAt = nil
        }
        if let pending = pendingTableClass, now >= pending.at {
            tableClass = pending.tableClass
            tableClassUpdatedAt = pending.at
            pendingTableClass = nil
        }
        if let until = sse?.updatingUntil, now >= until {
            if sse?.removedWhenSettled == true {
                sse = nil
            } else {
                sse?.updatingUntil = nil
                sse?.previousKeyArn = nil
            }
        }
        if let until = warmUpdatingUntil, now >= until { warmUpdatingUntil = nil }
        let before = globalIndexes.count
        globalIndexes.removeAll { index in index.deletingUntil.map { now >= $0 } ?? false }
        if globalIndexes.count != before { pruneAttributeDefinitions() }
        for i in globalIndexes.indices {
            if let pending = globalIndexes[i].pendingThroughput, now >= pending.at {
                Table.apply(pending, to: &globalIndexes[i].throughput)
                globalIndexes[i].pendingThroughput = nil
            }
        }
        if let until = updatingUntil, now >= until { updatingUntil = nil }
    }

    /// AWS keeps AttributeDefinitions equal to the attributes some key schema uses: definitions of a deleted
    /// index's keys go, and unused ones sent with a new index are dropped (paritysuite/dynamodb-conformance#79,
    /// observed on AWS in 2026).
    mutating func pruneAttributeDefinitions() {
        let used = Set(
            keySchema.map(\.name) + localIndexes.flatMap { $0.keySchema.map(\.name) }
                + globalIndexes.flatMap { $0.keySchema.map(\.name) })
        attributeDefinitions.removeAll { !used.contains($0.name) }
    }

    private static func apply(_ pending: PendingThroughput, to throughput: inout Throughput) {
        if pending.read < throughput.read || pending.write < throughput.write {
            let day = Int((pending.at.timeIntervalSince1970 / 86_400).rounded(.down))
            if throughput.decreaseDay != day {
                throughput.decreaseDay = day
                throughput.decreasesToday = 0
            }
            throughput.decreasesToday += 1
        }
        throughput.read = pending.read
        throughput.write = pending.write
    }

    /// Which parts of TableDescription a response carries.
    enum DescriptionForm { case full, createResponse, deleteResponse }

    /// TableDescription with AWS's presence rules (§0 fact 8, §2.0). `statusOverride` shows the
    /// transitional state a mutation response reports.
    /// `indexStatuses`, `sseUpdating` and `warmUpdating` do the same for the indexes, encryption and warm
    /// throughput a mutation touched.
    func description(
        now: Date, form: DescriptionForm, statusOverride: String? = nil,
        indexStatuses: [String: String] = [:], sseUpdating: Bool = false, warmUpdating: Bool = false,
        echoOnDemand: Bool = false
    ) -> JSONValue {
        let status = statusOverride ?? self.status(at: now)
        let echo = echoOnDemand || form == .createResponse
        var object = JSONObject()
        if form != .deleteResponse {
            object.append("AttributeDefinitions", .array(attributeDefinitions.map(Table.attributeJSON)))
        }
        object.append("TableName", .string(name))
        if form != .deleteResponse {
            object.append("KeySchema", .array(keySchema.map(Table.keyJSON)))
        }
        object.append("TableStatus", .string(status))
        if form != .deleteResponse {
            object.append("CreationDateTime", .epochSeconds(createdAt))
        }
        if payPerRequest {
            var zero = throughput
            zero.read = 0
            zero.write = 0
            object.append("ProvisionedThroughput", zero.json(now: now))
        } else {
            object.append("ProvisionedThroughput", throughput.json(now: now))
        }
        object.append("TableSizeBytes", .int(0))
        object.append("ItemCount", .int(0))
        object.append("TableArn", .string(arn))
        object.append("TableId", .string(id))
        if showsBillingSummary {
            var summary = JSONObject()
            summary.append("BillingMode", .string(payPerRequest ? "PAY_PER_REQUEST" : "PROVISIONED"))
            if form == .full, let last = lastUpdateToPayPerRequest {
                summary.append("LastUpdateToPayPerRequestDateTime", .epochSeconds(last))
            }
            object.append("BillingModeSummary", .object(summary))
        }
        if form != .deleteResponse {
            if !localIndexes.isEmpty {
                object.append("LocalSecondaryIndexes", .array(localIndexes.map(localIndexJSON)))
            }
            if !globalIndexes.isEmpty {
                object.append(
                    "GlobalSecondaryIndexes",
                    .array(
                        globalIndexes.map {
                            globalIndexJSON(
                                $0, now: now, tableStatus: status, override: indexStatuses[$0.name], form: form,
                                echoOnDemand: echo)
                        }))
            }
        }
        if let spec = streamSpecification {
            var stream = JSONObject()
            stream.append("StreamEnabled", .bool(spec.enabled))
            if let viewType = spec.viewType { stream.append("StreamViewType", .string(viewType)) }
            object.append("StreamSpecification", .object(stream))
        }
        if let label = latestStreamLabel, let streamArn = latestStreamArn {
            object.append("LatestStreamLabel", .string(label))
            object.append("LatestStreamArn", .string(streamArn))
        }
        if let sse {
            var description = JSONObject()
            let updating = sseUpdating || (sse.updatingUntil.map { now < $0 } ?? false)
            description.append("Status", .string(updating ? "UPDATING" : "ENABLED"))
            description.append("SSEType", .string("KMS"))
            description.append("KMSMasterKeyArn", .string(updating ? sse.previousKeyArn ?? sse.kmsKeyArn : sse.kmsKeyArn))
            object.append("SSEDescription", .object(description))
        }
        if let tableClass {
            var summary = JSONObject()
            summary.append("TableClass", .string(tableClass))
            if let at = tableClassUpdatedAt { summary.append("LastUpdateDateTime", .epochSeconds(at)) }
            object.append("TableClassSummary", .object(summary))
        }
        object.append("DeletionProtectionEnabled", .bool(deletionProtection))
        if form != .deleteResponse, let shown = echo ? onDemand : onDemand?.described {
            object.append("OnDemandThroughput", shown.json)
        }
        if form == .full || (form == .createResponse && warmSent) {
            var warmObject = JSONObject()
            warmObject.append("ReadUnitsPerSecond", .int64(warm.read))
            warmObject.append("WriteUnitsPerSecond", .int64(warm.write))
            // Unverified: the warm-throughput status is assumed to follow the table while it is created.
            // A WarmThroughput change shows Status UPDATING with TableStatus ACTIVE (reference §2.5 [DDB-2026]).
            let warmChanging = warmUpdating || (warmUpdatingUntil.map { now < $0 } ?? false)
            warmObject.append("Status", .string(status == "CREATING" ? "CREATING" : warmChanging ? "UPDATING" : "ACTIVE"))
            object.append("WarmThroughput", .object(warmObject))
        }
        return .object(object)
    }

    static func keyJSON(_ element: KeyElement) -> JSONValue {
        ["AttributeName": .string(element.name), "KeyType": .string(element.type)]
    }

    static func attributeJSON(_ element: KeyElement) -> JSONValue {
        ["AttributeName": .string(element.name), "AttributeType": .string(element.type)]
    }

    private func localIndexJSON(_ index: LocalIndex) -> JSONValue {
        var object = JSONObject()
        object.append("IndexName", .string(index.name))
        object.append("KeySchema", .array(index.keySchema.map(Table.keyJSON)))
        object.append("Projection", index.projection.json)
        object.append("IndexSizeBytes", .int(0))
        object.append("ItemCount", .int(0))
        object.append("IndexArn", .string(arn + "/index/" + index.name))
        return .object(object)
    }

    private func globalIndexJSON(
        _ index: GlobalIndex, now: Date, tableStatus: String, override: String?,
        form: DescriptionForm, echoOnDemand: Bool
    ) -> JSONValue {
        var object = JSONObject()
        object.append("IndexName", .string(index.name))
        object.append("KeySchema", .array(index.keySchema.map(Table.keyJSON)))
        object.append("Projection", index.projection.json)
        let indexStatus = override ?? (tableStatus == "CREATING" ? "CREATING" : index.status(at: now))
        object.append("IndexStatus", .string(indexStatus))
        if index.createdOnline && indexStatus == "CREATING" {
            let backfilling = override == nil && (index.backfillFrom.map { now >= $0 } ?? false)
            object.append("Backfilling", .bool(backfilling))
        }
        if payPerRequest {
            var zero = index.throughput
            zero.read = 0
            zero.write = 0
            object.append("ProvisionedThroughput", zero.json(now: now))
        } else {
            object.append("ProvisionedThroughput", index.throughput.json(now: now))
        }
        object.append("IndexSizeBytes", .int(0))
        object.append("ItemCount", .int(0))
        object.append("IndexArn", .string(arn + "/index/" + index.name))
        if let shown = echoOnDemand ? index.onDemand : index.onDemand?.described {
            object.append("OnDemandThroughput", shown.json)
        }
        // Like the table's, each index reports its warm throughput in DescribeTable whether or not one was set:
        // the on-demand baseline 12,000/4,000 or its provisioned capacity, raised by what was requested (2026
        // observations reported in scylladb/scylladb#21853 and getmoto/moto#9392; Terraform waits on its Status).
        // Unverified: the exact baseline for indexes. A CreateTable response shows it only when it was sent.
        if form == .full || index.warm != nil {
            let base: (read: Int64, write: Int64) =
                payPerRequest ? (12_000, 4_000) : (index.throughput.read, index.throughput.write)
            let warm = (read: max(index.warm?.read ?? 0, base.read), write: max(index.warm?.write ?? 0, base.write))
            var warmObject = JSONObject()
            warmObject.append("ReadUnitsPerSecond", .int64(warm.read))
            warmObject.append("WriteUnitsPerSecond", .int64(warm.write))
            warmObject.append("Status", .string(indexStatus == "CREATING" ? "CREATING" : "ACTIVE"))
            object.append("WarmThroughput", .object(warmObject))
        }
        return .object(object)
    }
}

/// A DynamoDB stream: one per enable, kept (DISABLED) for 24 hours after it is disabled.
struct StreamRecord: Sendable {
    var arn: String
    var label: String
    var tableName: String
    var viewType: String
    var keySchema: [KeyElement]
    var createdAt: Date
    var enabledAt: Date
    var disablingSince: Date?
    var disabledAt: Date?
    var shardId: String
    var startingSequenceNumber: String

    func status(at now: Date) -> String {
        if let disabledAt { return now < disabledAt ? "DISABLING" : "DISABLED" }
        return now < enabledAt ? "ENABLING" : "ENABLED"
    }

    /// Streams disabled more than 24 hours ago are forgotten.
    func expired(at now: Date) -> Bool {
        guard let disabledAt else { return false }
        return now.timeIntervalSince(disabledAt) >= 86_400
    }
}

/// A reserved-capacity purchase (PROPOSAL §4.2).
struct Reservation: Sendable {
    var id: String
    var arn: String
    var offering: ReservedCapacityOffering
    var capacityUnits: Int64
    var startTime: Date
    var tags: [(key: String, value: String)]
}

/// Everything one account keeps in one region.
struct RegionState: Sendable {
    var tables: [String: Table] = [:]
    /// Table names in byte-wise order, for O(log n + page) ListTables.
    var sortedNames: [String] = []
    /// Names of tables in DELETING, with the instant they disappear.
    var pendingDeletions: [String: Date] = [:]
    /// Names of tables in a transition, with the instant it ends (pruned lazily).
    var transitions: [String: Date] = [:]
    var streams: [StreamRecord] = []
    var reservations: [Reservation] = []
    var awsManagedKeyId: String?

    /// Index of the first name in `sortedNames` that is not byte-wise less than `name`.
    func insertionPoint(_ name: String) -> Int {
        var low = 0
        var high = sortedNames.count
        while low < high {
            let mid = (low + high) / 2
            if RegionState.less(sortedNames[mid], name) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func less(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    mutating func insertName(_ name: String) {
        let at = insertionPoint(name)
        if at < sortedNames.count && sortedNames[at] == name { return }
        sortedNames.insert(name, at: at)
    }

    mutating func removeName(_ name: String) {
        let at = insertionPoint(name)
        if at < sortedNames.count && sortedNames[at] == name { sortedNames.remove(at: at) }
    }

    /// Drops tables whose deletion finished and streams older than their retention.
    mutating func settle(now: Date) {
        for (name, at) in pendingDeletions where now >= at {
            pendingDeletions[name] = nil
            tables[name] = nil
            removeName(name)
        }
    }

    /// Tables in CREATING/UPDATING/DELETING now (entries whose transition ended are pruned).
    mutating func tablesInTransition(now: Date) -> Int {
        for (name, until) in transitions where now >= until { transitions[name] = nil }
        return transitions.count
    }

    mutating func noteTransition(_ name: String, until: Date) {
        if let existing = transitions[name], existing > until { return }
        transitions[name] = until
    }
}
