import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// CreateTable: type checks (done by the dispatcher) → Coral constraints → semantic rules in the
/// service's order (§2.1, §3.3) → quotas and state → a CREATING TableDescription.
extension DynamoDBControlPlane {
    func createTable(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError) -> JSONValue {
        guard let tableName = input.string("TableName") else { throw ControlPlaneError.missingParameter("TableName") }
        let definitions = TableInputs.keys(input.readers("AttributeDefinitions"), typeMember: "AttributeType")
        let keySchema = TableInputs.keys(input.readers("KeySchema"), typeMember: "KeyType")
        let localIndexes = input.readers("LocalSecondaryIndexes")?.map(TableInputs.index)
        let globalIndexes = input.readers("GlobalSecondaryIndexes")?.map(TableInputs.index)
        let billingMode = input.string("BillingMode")
        let throughput = TableInputs.throughput(input.reader("ProvisionedThroughput"))
        let stream = input.reader("StreamSpecification")

        // 1. Coral constraints, collected.
        var v = CoralValidator()
        TableInputs.validateAttributeDefinitions(definitions, at: "attributeDefinitions", required: true, &v)
        v.name(tableName, at: "tableName")
        TableInputs.validateKeySchema(keySchema, at: "keySchema", maxLength: 2, &v)
        // GSI constraint errors are listed before LSI ones whatever the request's order (observed on AWS in
        // eu-west-2 and us-east-1, 2026: paritysuite/dynamodb-conformance validation-ordering/createTable).
        for (i, index) in (globalIndexes ?? []).enumerated() {
            TableInputs.validateIndex(index, at: "globalSecondaryIndexes.\(i + 1).member", keyMaxLength: 8, &v)
        }
        for (i, index) in (localIndexes ?? []).enumerated() {
            TableInputs.validateIndex(index, at: "localSecondaryIndexes.\(i + 1).member", keyMaxLength: 2, &v)
        }
        if let billingMode { v.enumValue(billingMode, at: "billingMode", CoralEnums.billingMode) }
        TableInputs.validateThroughput(throughput, at: "provisionedThroughput", &v)
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
        let definitionList = definitions ?? []
        let keyList = keySchema ?? []

        // 2. Semantic rules.
        let payPerRequest = billingMode == "PAY_PER_REQUEST"
        if payPerRequest {
            if throughput != nil { throw ControlPlaneError.provisionedForbidden }
        } else {
            guard throughput?.read != nil, throughput?.write != nil else { throw ControlPlaneError.provisionedRequired }
            try TableInputs.checkBounds(throughput)
        }
        let defined = definitionList.map { $0.name ?? "" }
        var seenDefinitions = Set<String>()
        for name in defined where !seenDefinitions.insert(name).inserted {
            throw ControlPlaneError.duplicateAttribute(name)
        }
        let keys = keyList.map { $0.name ?? "" }
        if keys.count > defined.count { throw ControlPlaneError.keyWithoutDefinition }
        if keys.contains(where: { !seenDefinitions.contains($0) }) { throw ControlPlaneError.keysNotDefined(keys, defined) }
        try TableInputs.checkKeySchema(keyList, multiAttribute: false, index: nil)
        if localIndexes == nil && globalIndexes == nil && keys.count != defined.count {
            throw ControlPlaneError.attributeCountMismatch
        }

        var indexNames = Set<String>()
        var usedKeys = keys
        var projectedCount = 0
        func noteUsed(_ names: [String]) { for name in names where !usedKeys.contains(name) { usedKeys.append(name) } }

        var locals: [LocalIndex] = []
        if let localIndexes {
            if localIndexes.isEmpty { throw ControlPlaneError.emptyLocalIndexes }
            if keyList.count != 2 { throw ControlPlaneError.localIndexNeedsTableRange }
            for index in localIndexes {
                let name = index.name ?? ""
                let indexKeys = index.keySchema ?? []
                let indexKeyNames = indexKeys.map { $0.name ?? "" }
                if indexKeyNames.contains(where: { !seenDefinitions.contains($0) }) {
                    throw ControlPlaneError.keysNotDefined(indexKeyNames, defined)
                }
                try TableInputs.checkKeySchema(indexKeys, multiAttribute: false, index: name)
                if indexKeys.count != 2 { throw ControlPlaneError.indexWithoutRange(name) }
                if indexKeyNames[0] != keys[0] {
                    throw ControlPlaneError.indexHashDiffers(name, indexHash: indexKeyNames[0], tableHash: keys[0])
                }
                try TableInputs.checkProjection(index.projection)
                if !indexNames.insert(name).inserted { throw ControlPlaneError.duplicateIndexName(name) }
                noteUsed(indexKeyNames)
                projectedCount += index.projection?.nonKeyAttributes?.count ?? 0
                locals.append(
                    LocalIndex(
                        name: name, keySchema: indexKeys.map { KeyElement(name: $0.name ?? "", type: $0.type ?? "") },
                        projection: Projection(
                            type: index.projection?.type ?? "ALL", nonKeyAttributes: index.projection?.nonKeyAttributes)))
            }
            if localIndexes.count > 5 { throw ControlPlaneError.tooManyLocalIndexes }
        }

        var globals: [GlobalIndex] = []
        let activeAt = context.now.addingTimeInterval(settings.createSeconds)
        if let globalIndexes {
            if globalIndexes.isEmpty { throw ControlPlaneError.emptyGlobalIndexes }
            for index in globalIndexes {
                let name = index.name ?? ""
                let indexKeys = index.keySchema ?? []
                let indexKeyNames = indexKeys.map { $0.name ?? "" }
                if indexKeyNames.contains(where: { !seenDefinitions.contains($0) }) {
                    throw ControlPlaneError.keysNotDefined(indexKeyNames, defined)
                }
                try TableInputs.checkKeySchema(indexKeys, multiAttribute: true, index: name)
                try TableInputs.checkProjection(index.projection)
                if payPerRequest {
                    if index.throughput != nil { throw ControlPlaneError.indexThroughputForbidden(name) }
                } else {
                    guard index.throughput != nil else { throw ControlPlaneError.indexThroughputMissing(name) }
                    try TableInputs.checkBounds(index.throughput)
                }
                if !indexNames.insert(name).inserted { throw ControlPlaneError.duplicateIndexName(name) }
                if let onDemand = index.onDemand {
                    if !payPerRequest { throw ControlPlaneError.onDemandOnProvisioned }
                    try TableInputs.checkOnDemand(onDemand, allowClear: false)
                }
                noteUsed(indexKeyNames)
                projectedCount += index.projection?.nonKeyAttributes?.count ?? 0
                globals.append(
                    GlobalIndex(
                        name: name, keySchema: indexKeys.map { KeyElement(name: $0.name ?? "", type: $0.type ?? "") },
                        projection: Projection(
                            type: index.projection?.type ?? "ALL", nonKeyAttributes: index.projection?.nonKeyAttributes),
                        throughput: Throughput(read: index.throughput?.read ?? 0, write: index.throughput?.write ?? 0),
                        onDemand: index.onDemand,
                        warm: index.warm.map { ($0.read ?? 0, $0.write ?? 0) },
                        createdOnline: false, activeAt: activeAt))
            }
            if globalIndexes.count > settings.maxGlobalSecondaryIndexes {
                throw ControlPlaneError.tooManyGlobalIndexes(settings.maxGlobalSecondaryIndexes)
            }
        }
        if (localIndexes != nil || globalIndexes != nil) && usedKeys.count != defined.count {
            throw ControlPlaneError.unusedAttributeDefinitions(defined, usedKeys)
        }
        if projectedCount > 100 { throw ControlPlaneError.tooManyProjectedAttributes }

        var streamSpec: (enabled: Bool, viewType: String?)?
        if let stream {
            let enabled = stream.bool("StreamEnabled") ?? false
            let viewType = stream.string("StreamViewType")
            if enabled && viewType == nil { throw ControlPlaneError.createStreamNeedsViewType }
            if !enabled && viewType != nil { throw ControlPlaneError.createStreamForbidsViewType }
            if enabled { streamSpec = (true, viewType) }
        }
        let kmsKeyArn = try TableInputs.sseKey(input.reader("SSESpecification"), context) {
            managedKeyId(context)
        }
        let tableClass = input.string("TableClass")
        if let tableClass, !CoralEnums.tableClass.contains(tableClass) { throw ControlPlaneError.invalidTableClass }
        let tags = try TableInputs.checkTags(input.readers("Tags") ?? [])
        if let policy = input.string("ResourcePolicy") {
            guard case .object? = try? JSONParser.parse(policy) else { throw ControlPlaneError.invalidPolicy }
        }
        let onDemand = TableInputs.onDemand(input.reader("OnDemandThroughput"))
        if let onDemand {
            if !payPerRequest { throw ControlPlaneError.onDemandOnProvisioned }
            try TableInputs.checkOnDemand(onDemand, allowClear: false)
        }
        let warmInput = TableInputs.warm(input.reader("WarmThroughput"))
        if let warmInput, let throughput, !payPerRequest {
            if let read = warmInput.read, let rcu = throughput.read, read < rcu {
                throw ControlPlaneError.warmBelowProvisioned("ReadUnitsPerSecond", "ReadCapacityUnits")
            }
            if let write = warmInput.write, let wcu = throughput.write, write < wcu {
                throw ControlPlaneError.warmBelowProvisioned("WriteUnitsPerSecond", "WriteCapacityUnits")
            }
        }
        if input.has("GlobalTableSourceArn") { throw ControlPlaneError.globalTablesNotServed("GlobalTableSourceArn") }

        // 3. Account limits on capacity.
        if !payPerRequest {
            try checkTableMaximum(throughput, context)
            for index in globals { try checkIndexMaximum(index.name, index.throughput.read, index.throughput.write, context) }
        }

        // 4. State and quotas.
        return try withRegion(context) { (state: inout RegionState) throws(AWSServiceError) -> JSONValue in
            if let existing = state.tables[tableName] {
                if existing.status(at: context.now) == "CREATING" { throw ControlPlaneError.tableBeingCreated(tableName) }
                throw ControlPlaneError.tableAlreadyExists(tableName)
            }
            if state.tables.count >= settings.maxTablesPerRegion {
                throw ControlPlaneError.tableQuota(settings.maxTablesPerRegion)
            }
            if state.tablesInTransition(now: context.now) >= settings.maxConcurrentTableOperations {
                throw ControlPlaneError.concurrentOperations(settings.maxConcurrentTableOperations)
            }
            let arn = context.tableArn(tableName)
            var table = Table(
                name: tableName, id: random.uuid(), arn: arn, createdAt: context.now, activeAt: activeAt,
                attributeDefinitions: definitionList.map { KeyElement(name: $0.name ?? "", type: $0.type ?? "") },
                keySchema: keyList.map { KeyElement(name: $0.name ?? "", type: $0.type ?? "") },
                payPerRequest: payPerRequest, showsBillingSummary: payPerRequest,
                lastUpdateToPayPerRequest: payPerRequest ? context.now : nil,
                throughput: Throughput(read: throughput?.read ?? 0, write: throughput?.write ?? 0),
                localIndexes: locals, globalIndexes: globals, streamSpecification: streamSpec,
                sse: kmsKeyArn.map { SSEState(kmsKeyArn: $0) }, tableClass: tableClass,
                tableClassUpdatedAt: nil, deletionProtection: input.bool("DeletionProtectionEnabled") ?? false,
                onDemand: onDemand,
                warm: payPerRequest
                    ? (warmInput?.read ?? 12_000, warmInput?.write ?? 4_000)
                    : (max(warmInput?.read ?? 0, throughput?.read ?? 0), max(warmInput?.write ?? 0, throughput?.write ?? 0)),
                warmSent: warmInput != nil, tags: tags, resourcePolicy: input.string("ResourcePolicy"))
            if let viewType = streamSpec?.viewType {
                let record = newStream(table: table, viewType: viewType, enabledAt: activeAt, context)
                table.latestStreamArn = record.arn
                table.latestStreamLabel = record.label
                state.streams.append(record)
            }
            state.tables[tableName] = table
            state.insertName(tableName)
            if activeAt > context.now { state.noteTransition(tableName, until: activeAt) }
            return ["TableDescription": table.description(now: context.now, form: .createResponse, statusOverride: "CREATING")]
        }
    }

    /// The account's AWS-managed KMS key id (`alias/aws/dynamodb`) for this region, minted on first use.
    func managedKeyId(_ context: RequestContext) -> String {
        if let id = regions[context.key]?.awsManagedKeyId { return id }
        let id = random.uuid()
        regions[context.key, default: RegionState()].awsManagedKeyId = id
        return id
    }

    /// Per-table capacity maximum of the account (LimitExceededException, §3.3).
    func checkTableMaximum(_ throughput: ThroughputInput?, _ context: RequestContext) throws(AWSServiceError) {
        if let read = throughput?.read, read > settings.tableMaxReadCapacityUnits {
            throw ControlPlaneError.aboveTableMaximum(
                "ReadCapacityUnits", read, region: context.region, maximum: settings.tableMaxReadCapacityUnits)
        }
        if let write = throughput?.write, write > settings.tableMaxWriteCapacityUnits {
            throw ControlPlaneError.aboveTableMaximum(
                "WriteCapacityUnits", write, region: context.region, maximum: settings.tableMaxWriteCapacityUnits)
        }
    }

    func checkIndexMaximum(_ index: String, _ read: Int64, _ write: Int64, _ context: RequestContext)
        throws(AWSServiceError)
    {
        if read > settings.tableMaxReadCapacityUnits {
            throw ControlPlaneError.aboveIndexMaximum(
                "ReadCapacityUnits", index: index, read, region: context.region, maximum: settings.tableMaxReadCapacityUnits)
        }
        if write > settings.tableMaxWriteCapacityUnits {
            throw ControlPlaneError.aboveIndexMaximum(
                "WriteCapacityUnits", index: index, write, region: context.region,
                maximum: settings.tableMaxWriteCapacityUnits)
        }
    }

    /// A new stream for `table`: ARN `TableArn/stream/LABEL`, one open shard.
    func newStream(table: Table, viewType: String, enabledAt: Date, _ context: RequestContext) -> StreamRecord {
        let label = Self.streamLabel(context.now)
        let millis = Int64((context.now.timeIntervalSince1970 * 1000).rounded(.down))
        let digits = String(millis)
        let padded = String(repeating: "0", count: max(0, 20 - digits.count)) + digits
        let hex = String(random.nextUInt64() & 0xFFFF_FFFF, radix: 16)
        let shardId = "shardId-\(padded)-" + String(repeating: "0", count: 8 - hex.count) + hex
        let sequence =
            String(100 + random.next(below: 900)) + String(repeating: "0", count: 18)
            + String(random.next(below: 1000))
        return StreamRecord(
            arn: table.arn + "/stream/" + label, label: label, tableName: table.name, viewType: viewType,
            keySchema: table.keySchema, createdAt: context.now, enabledAt: enabledAt, shardId: shardId,
            startingSequenceNumber: sequence)
    }
}
