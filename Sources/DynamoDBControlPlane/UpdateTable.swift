import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// UpdateTable: throughput, billing mode, GSI create/update/delete, streams, SSE, table class,
/// deletion protection, on-demand and warm throughput, with the service's single-concern rules
/// (§2.5, §3.5) and ResourceInUse texts for changes in flight (§3.6).
extension DynamoDBControlPlane {
    /// One element of GlobalSecondaryIndexUpdates as sent.
    struct IndexUpdateInput {
        var update: (name: String?, throughput: ThroughputInput?, onDemand: OnDemandLimits?, warm: ThroughputInput?)?
        var create: IndexInput?
        var delete: String??
        var actionCount: Int
        var name: String? { update?.name ?? create?.name ?? delete ?? nil }
    }

    func updateTable(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        let definitions = TableInputs.keys(input.readers("AttributeDefinitions"), typeMember: "AttributeType")
        let billingMode = input.string("BillingMode")
        let throughput = TableInputs.throughput(input.reader("ProvisionedThroughput"))
        let stream = input.reader("StreamSpecification")
        let indexUpdates: [IndexUpdateInput] = (input.readers("GlobalSecondaryIndexUpdates") ?? []).map { element in
            let update = element.reader("Update").map {
                (
                    name: $0.string("IndexName"), throughput: TableInputs.throughput($0.reader("ProvisionedThroughput")),
                    onDemand: TableInputs.onDemand($0.reader("OnDemandThroughput")),
                    warm: TableInputs.warm($0.reader("WarmThroughput"))
                )
            }
            let create = element.reader("Create").map(TableInputs.index)
            let delete = element.reader("Delete").map { $0.string("IndexName") }
            let count = [element.has("Update"), element.has("Create"), element.has("Delete")].filter { $0 }.count
            return IndexUpdateInput(update: update, create: create, delete: delete, actionCount: count)
        }

        // 1. Coral constraints.
        var v = CoralValidator()
        TableInputs.validateAttributeDefinitions(definitions, at: "attributeDefinitions", required: false, &v)
        let reference = try Self.tableReference(input, &v, context)
        if let billingMode { v.enumValue(billingMode, at: "billingMode", CoralEnums.billingMode) }
        TableInputs.validateThroughput(throughput, at: "provisionedThroughput", &v)
        for (i, element) in indexUpdates.enumerated() {
            let path = "globalSecondaryIndexUpdates.\(i + 1).member"
            if let update = element.update {
                if v.notNull(update.name != nil, at: "\(path).update.indexName"), let name = update.name {
                    v.name(name, at: "\(path).update.indexName")
                }
                TableInputs.validateThroughput(update.throughput, at: "\(path).update.provisionedThroughput", &v)
            }
            if let create = element.create {
                TableInputs.validateIndex(create, at: "\(path).create", keyMaxLength: 8, &v)
            }
            if let delete = element.delete {
                if v.notNull(delete != nil, at: "\(path).delete.indexName"), let name = delete {
                    v.name(name, at: "\(path).delete.indexName")
                }
            }
        }
        if let stream {
            v.notNull(stream.has("StreamEnabled"), at: "streamSpecification.streamEnabled")
            if let viewType = stream.string("StreamViewType") {
                v.enumValue(viewType, at: "streamSpecification.streamViewType", CoralEnums.streamViewType)
            }
        }
        if let sseType = input.reader("SSESpecification")?.string("SSEType") {
            v.enumValue(sseType, at: "sSESpecification.sSEType", CoralEnums.sseType)
        }
        if let error = v.error { throw error }

        // 2. Stateless rules.
        let hasPT = throughput != nil
        let hasBilling = billingMode != nil
        let hasIndexUpdates = !indexUpdates.isEmpty
        let hasStream = stream != nil
        let hasSSE = input.has("SSESpecification")
        let hasClass = input.has("TableClass")
        let hasDP = input.has("DeletionProtectionEnabled")
        let hasOnDemand = input.has("OnDemandThroughput")
        let hasWarm = input.has("WarmThroughput")
        let globalMembers = [
            "ReplicaUpdates", "MultiRegionConsistency", "GlobalTableWitnessUpdates",
            "GlobalTableSettingsReplicationMode",
        ].filter { input.has($0) }
        let concerns = [hasPT, hasBilling, hasIndexUpdates, hasStream, hasSSE, hasClass, hasDP, hasOnDemand, hasWarm]
        if !concerns.contains(true) && globalMembers.isEmpty {
            var present = Set(ControlPlaneError.updatableMembers.filter { input.has($0) })
            if input.has("StreamSpecification") { present.insert("UpdateStreamEnabled") }
            throw ControlPlaneError.nothingToUpdate(excluding: present)
        }
        if let member = globalMembers.first { throw ControlPlaneError.globalTablesNotServed(member) }
        try TableInputs.checkBounds(throughput)
        var namesSeen = Set<String>()
        for element in indexUpdates {
            if element.actionCount == 0 { throw ControlPlaneError.indexActionMissing }
            if element.actionCount > 1 { throw ControlPlaneError.indexActionTwice }
            let name = element.name ?? ""
            if !namesSeen.insert(name).inserted { throw ControlPlaneError.indexUpdatedTwice(name) }
        }
        let concernCount = concerns.filter { $0 }.count
        if hasSSE && concernCount > 1 { throw ControlPlaneError.sseMustBeAlone }
        if hasClass && concernCount > 1 { throw ControlPlaneError.tableClassMustBeAlone }
        if hasDP && concernCount > 1 { throw ControlPlaneError.deletionProtectionMustBeAlone }
        if hasWarm && indexUpdates.contains(where: { $0.create != nil }) { throw ControlPlaneError.indexCreateWithWarm }
        if hasWarm && concernCount > 1 { throw ControlPlaneError.warmMustBeAlone }
        if hasOnDemand && concernCount - (hasBilling ? 1 : 0) > 1 { throw ControlPlaneError.onDemandOnlyWithBilling }
        let onlineChanges = indexUpdates.filter { $0.create != nil || $0.delete != nil }.count
        if hasPT && hasStream { throw ControlPlaneError.streamWithThroughput }
        if hasPT && onlineChanges > 0 { throw ControlPlaneError.indexWithThroughput }
        if hasStream && onlineChanges > 0 { throw ControlPlaneError.indexWithStream }
        let streamEnabled = stream?.bool("StreamEnabled") ?? false
        let streamViewType = stream?.string("StreamViewType")
        if hasStream {
            if streamEnabled && streamViewType == nil { throw ControlPlaneError.enableStreamNeedsViewType }
            if !streamEnabled && streamViewType != nil { throw ControlPlaneError.disableStreamForbidsViewType }
        }
        if onlineChanges > 1 { throw ControlPlaneError.oneOnlineIndexAtATime }
        let tableClass = input.string("TableClass")
        if let tableClass, !CoralEnums.tableClass.contains(tableClass) { throw ControlPlaneError.invalidTableClass }

        // 3. The table and what is in flight on it.
        var table = try existingTable(reference.name, shown: reference.shown, context)
        let now = context.now
        let status = table.status(at: now)
        if hasDP, let enabled = input.bool("DeletionProtectionEnabled") {
            return try updateDeletionProtection(&table, enabled, status: status, context)
        }
        if status == "CREATING" { throw ControlPlaneError.tableBeingCreated(table.name) }
        if status == "DELETING" { throw ControlPlaneError.tableBeingDeleted(table.name) }
        let building = table.globalIndexes.filter { $0.status(at: now) == "CREATING" }.map(\.name)
        let deletedNames = Set(indexUpdates.compactMap { $0.delete != nil ? $0.name : nil })
        if status == "UPDATING" {
            switch table.updateKind {
            case .throughput:
                throw hasStream
                    ? ControlPlaneError.streamDuringThroughput(table.name) : ControlPlaneError.throughputInFlight(table.name)
            case .streamEnable(let label), .streamDisable(let label):
                let operation = table.updateKind == .streamEnable(label) ? "ENABLE" : "DISABLE"
                throw hasPT
                    ? ControlPlaneError.throughputDuringStream(table.name, label: label, operation: operation)
                    : ControlPlaneError.streamInFlight(table.name, label: label, operation: operation)
            case .billing where hasOnDemand:
                throw ControlPlaneError.onDemandDuringBillingSwitch
            case .billing where hasPT:
                // Observed on AWS (2026): reversing a PROVISIONED -> PAY_PER_REQUEST switch (it carries PT).
                throw ControlPlaneError.throughputInFlight(table.name)
            case .tableClass(let pending) where hasClass:
                throw ControlPlaneError.tableClassInFlight(table.name, pending)
            // An index in its resource-allocation phase (observed on AWS, 2026): table throughput and deleting
            // it are ResourceInUse, another index creation or deletion is the one-online-index limit.
            case .index where hasPT && !building.isEmpty:
                throw ControlPlaneError.throughputDuringIndexCreation(table.name, building)
            case .index where onlineChanges > 0:
                if let name = building.first(where: deletedNames.contains) {
                    throw ControlPlaneError.indexInAllocation(table.name, name)
                }
                throw ControlPlaneError.oneOnlineIndexAtATime
            default:
                throw ControlPlaneError.tableBeingUpdated(table.name)
            }
        }
        // While an index backfills (TableStatus ACTIVE) table throughput and deleting that index are admitted,
        // but no other index may be created or deleted until it is ACTIVE (observed on AWS, 2026).
        let busy = table.globalIndexes.filter { ["CREATING", "DELETING"].contains($0.status(at: now)) }.map(\.name)
        if onlineChanges > 0, busy.contains(where: { !deletedNames.contains($0) }) {
            throw ControlPlaneError.oneOnlineIndexAtATime
        }
        if hasSSE, let until = table.sse?.updatingUntil, now < until { throw ControlPlaneError.sseInFlight }

        // 4. Rules that depend on the table.
        let currentPPR = table.payPerRequest
        let targetPPR = billingMode.map { $0 == "PAY_PER_REQUEST" } ?? currentPPR
        if targetPPR && hasPT { throw ControlPlaneError.provisionedForbidden }
        // Refused on PROVISIONED tables too (observed on AWS, 2026: "BillingMode=PROVISIONED alone").
        if billingMode == "PROVISIONED" && !hasPT { throw ControlPlaneError.throughputRequiredForProvisioned }
        let switchingToProvisioned = currentPPR && !targetPPR
        if switchingToProvisioned {
            let covered = Set(indexUpdates.compactMap { $0.update?.throughput != nil ? $0.update?.name : nil })
            let missing = table.globalIndexes.filter { $0.deletingUntil == nil && !covered.contains($0.name) }.map(\.name)
            if !missing.isEmpty { throw ControlPlaneError.indexThroughputRequired(missing) }
        }
        var allDefinitions = table.attributeDefinitions
        for definition in definitions ?? [] where !allDefinitions.contains(where: { $0.name == definition.name }) {
            allDefinitions.append(KeyElement(name: definition.name ?? "", type: definition.type ?? ""))
        }
        for element in indexUpdates {
            let name = element.name ?? ""
            let isLocal = table.localIndexes.contains { $0.name == name }
            let existing = table.globalIndexes.firstIndex { $0.name == name }
            if let update = element.update {
                if isLocal { throw ControlPlaneError.notAGlobalIndex(delete: false, name) }
                guard let i = existing else {
                    if let requested = update.throughput,
                        (requested.read ?? 0) > TableInputs.maxCapacity || (requested.write ?? 0) > TableInputs.maxCapacity
                    {
                        throw ControlPlaneError.indexUpdateBlocked
                    }
                    throw ControlPlaneError.indexNotFound(name, table: table.name)
                }
                if targetPPR {
                    if update.throughput != nil { throw ControlPlaneError.indexThroughputOnPayPerRequest(name) }
                    if update.onDemand == nil && update.warm == nil { throw ControlPlaneError.onlyOnDemandOrWarmForIndex(name) }
                } else if let requested = update.throughput, let read = requested.read, let write = requested.write {
                    try TableInputs.checkBounds(requested)
                    let current = table.globalIndexes[i].throughput
                    if !switchingToProvisioned && current.read == read && current.write == write {
                        throw ControlPlaneError.throughputWillNotChange(
                            index: name, currentRead: current.read, requestedRead: read, currentWrite: current.write,
                            requestedWrite: write)
                    }
                    try checkIndexMaximum(name, read, write, context)
                }
                if let onDemand = update.onDemand {
                    if !targetPPR { throw ControlPlaneError.onDemandOnProvisioned }
                    try TableInputs.checkOnDemand(onDemand, allowClear: true)
                }
            } else if element.delete != nil {
                if isLocal { throw ControlPlaneError.notAGlobalIndex(delete: true, name) }
                guard let i = existing else { throw ControlPlaneError.indexNotFound(name, table: table.name) }
                let index = table.globalIndexes[i]
                if index.deletingUntil != nil { throw ControlPlaneError.indexBeingDeleted(table.name, name) }
                if index.status(at: now) == "CREATING" && !(index.backfillFrom.map { now >= $0 } ?? true) {
                    throw ControlPlaneError.indexInAllocation(table.name, name)
                }
            } else if let create = element.create {
                if isLocal || existing != nil { throw ControlPlaneError.indexAlreadyExists }
                guard let definitions else { throw ControlPlaneError.indexNeedsAttributeDefinitions(name) }
                // The new index's keys must be defined in this request, even those the table already defines
                // (real AWS: alexdebrie/dynamodbguide.com#16, nubo-db/dynoxide#144); checked as CreateTable does.
                let requested = definitions.map { $0.name ?? "" }
                let keys = (create.keySchema ?? []).map { $0.name ?? "" }
                if keys.count > requested.count { throw ControlPlaneError.keyWithoutDefinition }
                if keys.contains(where: { !requested.contains($0) }) {
                    throw ControlPlaneError.keysNotDefined(keys, requested)
                }
                try TableInputs.checkKeySchema(create.keySchema ?? [], multiAttribute: true, index: name)
                try TableInputs.checkProjection(create.projection)
                if targetPPR {
                    if create.throughput != nil { throw ControlPlaneError.indexThroughputForbidden(name) }
                } else {
                    guard let requested = create.throughput else { throw ControlPlaneError.indexThroughputMissing(name) }
                    try TableInputs.checkBounds(requested)
                    try checkIndexMaximum(name, requested.read ?? 0, requested.write ?? 0, context)
                }
                if table.globalIndexes.count + 1 > settings.maxGlobalSecondaryIndexes {
                    throw ControlPlaneError.globalIndexLimit(settings.maxGlobalSecondaryIndexes)
                }
            }
        }
        if let throughput, let read = throughput.read, let write = throughput.write, !targetPPR {
            let current = table.throughput
            if !currentPPR && current.read == read && current.write == write {
                throw ControlPlaneError.throughputWillNotChange(
                    index: nil, currentRead: current.read, requestedRead: read, currentWrite: current.write,
                    requestedWrite: write)
            }
            try checkTableMaximum(throughput, context)
            if !currentPPR && (read < current.read || write < current.write) { try checkDecreaseBudget(current, now) }
        }
        if hasStream {
            let enabledNow = table.streamSpecification?.enabled == true
            if streamEnabled && enabledNow { throw ControlPlaneError.streamAlreadyEnabled(table.name) }
            if !streamEnabled && !enabledNow { throw ControlPlaneError.noStreamToDisable(table.name) }
        }
        var newKey: String?
        if hasSSE {
            newKey = try TableInputs.sseKey(input.reader("SSESpecification"), context) { managedKeyId(context) }
            if newKey == nil && table.sse == nil { throw ControlPlaneError.alreadyEncryptedByDefault }
            // Only re-sending the exact key ARN is a refused no-op; {Enabled:true}, an alias, a key id or SSEType
            // alone re-encrypt with the same key and succeed (observed on AWS, 2026).
            if let newKey, newKey == table.sse?.kmsKeyArn,
                input.reader("SSESpecification")?.string("KMSMasterKeyId") == newKey
            {
                throw ControlPlaneError.alreadyEncryptedWithKey
            }
        }
        let onDemand = TableInputs.onDemand(input.reader("OnDemandThroughput"))
        if let onDemand {
            if !targetPPR { throw ControlPlaneError.onDemandOnProvisioned }
            try TableInputs.checkOnDemand(onDemand, allowClear: true)
        }
        let warm = TableInputs.warm(input.reader("WarmThroughput"))
        if let warm {
            if let read = warm.read, read < table.warm.read { throw ControlPlaneError.warmDecrease("ReadUnitsPerSecond") }
            if let write = warm.write, write < table.warm.write {
                throw ControlPlaneError.warmDecrease("WriteUnitsPerSecond")
            }
        }
        if let tableClass {
            let current = table.pendingTableClass?.tableClass ?? table.tableClass
            if current == nil && tableClass == "STANDARD" {
                // A free no-op: TableClassSummary stays absent.
                return ["TableDescription": table.description(now: now, form: .full)]
            }
            // Once two changes are spent, re-sending the current class is refused too (observed on AWS, 2026).
            let recent = table.tableClassChanges.filter { now.timeIntervalSince($0) < 30 * 86_400 }
            if recent.count >= 2 { throw ControlPlaneError.tableClassLimit }
        }

        // 5. Apply.
        let until = now.addingTimeInterval(settings.updateSeconds)
        var transition = true
        if until > now {
            let busy = try withRegion(context) { (state: inout RegionState) -> Int in state.tablesInTransition(now: now) }
            if busy >= settings.maxConcurrentTableOperations {
                throw ControlPlaneError.concurrentOperations(settings.maxConcurrentTableOperations)
            }
        }
        table.updateKind = .other
        var indexStatuses: [String: String] = [:]
        if let definitions, hasIndexUpdates, !definitions.isEmpty { table.attributeDefinitions = allDefinitions }
        if let billingMode {
            if billingMode == "PAY_PER_REQUEST" && !currentPPR {
                table.payPerRequest = true
                table.showsBillingSummary = true
                table.lastUpdateToPayPerRequest = now
                table.warm = (max(table.warm.read, 12_000), max(table.warm.write, 4_000))
                for i in table.globalIndexes.indices {
                    table.globalIndexes[i].updatingUntil = until
                    indexStatuses[table.globalIndexes[i].name] = "UPDATING"
                }
            } else if billingMode == "PROVISIONED" && currentPPR {
                table.payPerRequest = false
                table.onDemand = nil
            }
            table.updateKind = .billing
        }
        if let throughput, let read = throughput.read, let write = throughput.write {
            if switchingToProvisioned {
                table.throughput.read = read
                table.throughput.write = write
            } else {
                if read > table.throughput.read || write > table.throughput.write { table.throughput.lastIncrease = now }
                if read < table.throughput.read || write < table.throughput.write { table.throughput.lastDecrease = now }
                table.pendingThroughput = PendingThroughput(read: read, write: write, at: until)
                table.updateKind = .throughput
            }
            table.warm = (max(table.warm.read, read), max(table.warm.write, write))
        }
        for element in indexUpdates {
            let name = element.name ?? ""
            if let update = element.update, let i = table.globalIndexes.firstIndex(where: { $0.name == name }) {
                if let requested = update.throughput, let read = requested.read, let write = requested.write {
                    if switchingToProvisioned {
                        table.globalIndexes[i].throughput.read = read
                        table.globalIndexes[i].throughput.write = write
                    } else {
                        let current = table.globalIndexes[i].throughput
                        if read > current.read || write > current.write { table.globalIndexes[i].throughput.lastIncrease = now }
                        if read < current.read || write < current.write { table.globalIndexes[i].throughput.lastDecrease = now }
                        table.globalIndexes[i].pendingThroughput = PendingThroughput(read: read, write: write, at: until)
                    }
                }
                if let onDemand = update.onDemand {
                    table.globalIndexes[i].onDemand = table.globalIndexes[i].onDemand.map { $0.merged(with: onDemand) } ?? onDemand
                }
                if let warm = update.warm { table.globalIndexes[i].warm = (warm.read ?? 0, warm.write ?? 0) }
                table.globalIndexes[i].updatingUntil = until
                indexStatuses[name] = "UPDATING"
                if table.updateKind == .other { table.updateKind = .index }
            } else if element.delete != nil, let i = table.globalIndexes.firstIndex(where: { $0.name == name }) {
                table.globalIndexes[i].deletingUntil = until
                indexStatuses[name] = "DELETING"
                table.updateKind = .index
            } else if let create = element.create {
                table.globalIndexes.append(
                    GlobalIndex(
                        name: name, keySchema: (create.keySchema ?? []).map { KeyElement(name: $0.name ?? "", type: $0.type ?? "") },
                        projection: Projection(
                            type: create.projection?.type ?? "ALL", nonKeyAttributes: create.projection?.nonKeyAttributes),
                        throughput: Throughput(read: create.throughput?.read ?? 0, write: create.throughput?.write ?? 0),
                        onDemand: create.onDemand, warm: create.warm.map { ($0.read ?? 0, $0.write ?? 0) },
                        createdOnline: true, activeAt: until.addingTimeInterval(settings.createSeconds),
                        backfillFrom: until))
                indexStatuses[name] = "CREATING"
                table.updateKind = .index
            }
        }
        if hasIndexUpdates { table.pruneAttributeDefinitions() }
        var newStreamRecord: StreamRecord?
        if hasStream {
            if streamEnabled, let viewType = streamViewType {
                let record = newStream(table: table, viewType: viewType, enabledAt: until, context)
                table.streamSpecification = (true, viewType)
                table.streamRemovalAt = nil
                table.latestStreamArn = record.arn
                table.latestStreamLabel = record.label
                table.updateKind = .streamEnable(record.label)
                newStreamRecord = record
            } else {
                table.streamSpecification = (false, nil)
                table.streamRemovalAt = until
                table.updateKind = .streamDisable(table.latestStreamLabel ?? "")
            }
        }
        if hasSSE {
            // SSE changes leave TableStatus ACTIVE; SSEDescription.Status shows UPDATING instead.
            let previousKey = table.sse?.kmsKeyArn
            if let newKey {
                table.sse = SSEState(kmsKeyArn: newKey, updatingUntil: until, previousKeyArn: previousKey)
            } else if let previousKey {
                table.sse = SSEState(kmsKeyArn: previousKey, updatingUntil: until, removedWhenSettled: true)
            }
            transition = false
        }
        if let tableClass {
            if tableClass != (table.pendingTableClass?.tableClass ?? table.tableClass) {
                table.pendingTableClass = (tableClass, until)
                table.tableClassChanges.append(now)
            }
            table.updateKind = .tableClass(tableClass)
        }
        if let onDemand { table.onDemand = table.onDemand.map { $0.merged(with: onDemand) } ?? onDemand }
        if let warm {
            table.warm = (warm.read ?? table.warm.read, warm.write ?? table.warm.write)
            table.warmSent = true
            table.warmUpdatingUntil = until
            transition = false
        }
        if transition { table.updatingUntil = until }
        let response = table.description(
            now: now, form: .full, statusOverride: transition ? "UPDATING" : nil, indexStatuses: indexStatuses,
            sseUpdating: hasSSE, warmUpdating: warm != nil, echoOnDemand: true)
        try withRegion(context) { (state: inout RegionState) in
            state.tables[table.name] = table
            if transition && until > now { state.noteTransition(table.name, until: until) }
            if hasStream {
                if let record = newStreamRecord {
                    state.streams.append(record)
                } else if let arn = table.latestStreamArn,
                    let i = state.streams.firstIndex(where: { $0.arn == arn && $0.disabledAt == nil })
                {
                    state.streams[i].disablingSince = now
                    state.streams[i].disabledAt = until
                }
            }
        }
        return ["TableDescription": response]
    }

    /// The purchase response is rendered a hair before `now`, so a zero-second payment-pending phase
    /// still shows in it and is over for the next call.
    static let responseEpsilon: TimeInterval = 0.0005

    /// DeletionProtectionEnabled alone: synchronous, table must be ACTIVE (UPDATING admitted, §2.5).
    private func updateDeletionProtection(
        _ table: inout Table, _ enabled: Bool, status: String,
        _ context: RequestContext
    ) throws(AWSServiceError) -> JSONValue {
        if status != "ACTIVE" && status != "UPDATING" { throw ControlPlaneError.deletionProtectionNeedsActive }
        let cooldown = settings.deletionProtectionCooldownSeconds
        if cooldown > 0, let last = table.deletionProtectionChangedAt, context.now.timeIntervalSince(last) < cooldown {
            throw ControlPlaneError.deletionProtectionCooldown(
                table.name, retryAfter: Self.javaDate(last.addingTimeInterval(cooldown)))
        }
        table.deletionProtection = enabled
        table.deletionProtectionChangedAt = context.now
        store(table, context)
        return ["TableDescription": table.description(now: context.now, form: .full)]
    }

    /// Four decreases per UTC day, then one per hour (LimitExceededException, §3.5).
    private func checkDecreaseBudget(_ throughput: Throughput, _ now: Date) throws(AWSServiceError) {
        let today = Int((now.timeIntervalSince1970 / 86_400).rounded(.down))
        let count = throughput.decreaseDay == today ? throughput.decreasesToday : 0
        guard count >= 4, let last = throughput.lastDecrease, now.timeIntervalSince(last) < 3600 else { return }
        throw ControlPlaneError.decreaseLimit(
            count: count, last: Self.javaDate(last), next: Self.javaDate(last.addingTimeInterval(3600)))
    }
}
