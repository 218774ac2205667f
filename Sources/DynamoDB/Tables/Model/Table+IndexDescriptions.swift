import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// LocalSecondaryIndexes and GlobalSecondaryIndexes of a TableDescription (present only when the table has some).
extension Table {
    func appendIndexes(
        to object: inout JSONObject, status: TableStatus, form: DescriptionForm, inFlight: InFlight, now: Date
    ) {
        if !localIndexes.isEmpty {
            object.append("LocalSecondaryIndexes", .array(localIndexes.map(localIndexJSON)))
        }
        if !globalIndexes.isEmpty {
            let echo = inFlight.echoOnDemand || form == .createResponse
            let descriptions = globalIndexes.map {
                globalIndexJSON(
                    $0, now: now, tableStatus: status, override: inFlight.indexStatuses[$0.name], form: form,
                    echoOnDemand: echo)
            }
            object.append("GlobalSecondaryIndexes", .array(descriptions))
        }
    }

    private func localIndexJSON(_ index: LocalIndex) -> JSONValue {
        var object = JSONObject()
        object.append("IndexName", .string(index.name))
        object.append("KeySchema", .array(index.keySchema.map(\.keySchemaJSON)))
        object.append("Projection", index.projection.json)
        object.append("IndexSizeBytes", .int(0))
        object.append("ItemCount", .int(0))
        object.append("IndexArn", .string(arn + "/index/" + index.name))
        return .object(object)
    }

    private func globalIndexJSON(
        _ index: GlobalIndex, now: Date, tableStatus: TableStatus, override: IndexStatus?,
        form: DescriptionForm, echoOnDemand: Bool
    ) -> JSONValue {
        var object = JSONObject()
        object.append("IndexName", .string(index.name))
        object.append("KeySchema", .array(index.keySchema.map(\.keySchemaJSON)))
        object.append("Projection", index.projection.json)
        let indexStatus = override ?? (tableStatus == .creating ? .creating : index.status(at: now))
        object.append("IndexStatus", .string(indexStatus.rawValue))
        if index.createdOnline && indexStatus == .creating {
            let backfilling = override == nil && (index.backfillFrom.map { now >= $0 } ?? false)
            object.append("Backfilling", .bool(backfilling))
        }
        object.append("ProvisionedThroughput", index.throughput.json(now: now, zeroCapacity: isPayPerRequest))
        object.append("IndexSizeBytes", .int(0))
        object.append("ItemCount", .int(0))
        object.append("IndexArn", .string(arn + "/index/" + index.name))
        if let shown = echoOnDemand ? index.onDemand : index.onDemand?.described {
            object.append("OnDemandThroughput", shown.json)
        }
        if form == .full || index.warm != nil {
            object.append("WarmThroughput", indexWarmThroughputJSON(index, status: indexStatus))
        }
        return .object(object)
    }

    /// Like the table's, each index reports its warm throughput in DescribeTable whether or not one was set:
    /// the on-demand baseline 12,000/4,000 or its provisioned capacity, raised by what was requested (2026
    /// observations reported in scylladb/scylladb#21853 and getmoto/moto#9392; Terraform waits on its Status).
    /// Unverified: the exact baseline for indexes. A CreateTable response shows it only when it was sent.
    private func indexWarmThroughputJSON(_ index: GlobalIndex, status: IndexStatus) -> JSONValue {
        let base: (read: Int64, write: Int64) =
            isPayPerRequest ? (12_000, 4_000) : (index.throughput.read, index.throughput.write)
        let warm = (read: max(index.warm?.read ?? 0, base.read), write: max(index.warm?.write ?? 0, base.write))
        var warmObject = JSONObject()
        warmObject.append("ReadUnitsPerSecond", .int64(warm.read))
        warmObject.append("WriteUnitsPerSecond", .int64(warm.write))
        warmObject.append("Status", .string((status == .creating ? IndexStatus.creating : .active).rawValue))
        return .object(warmObject)
    }
}
