import AWSProtocol

/// CreateTable's optional members: stream, table class, tags, resource policy, on-demand and warm throughput,
/// global tables (observed DynamoDB behaviour, 2026; AWS: "CreateTable",
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html).
extension CreateTableRequest {
    /// The view type of the stream to enable; nil for no stream. A view type exactly when enabling.
    func checkStreamSpecification() throws(AWSServiceError) -> StreamViewType? {
        guard let stream else { return nil }
        let enabled = stream.bool("StreamEnabled") ?? false
        let viewType = stream.string("StreamViewType")
        if enabled && viewType == nil { throw DynamoDBError.createStreamNeedsViewType }
        if !enabled && viewType != nil { throw DynamoDBError.createStreamForbidsViewType }
        return enabled ? viewType.flatMap(StreamViewType.init(rawValue:)) : nil
    }

    /// A known table class, valid tags (returned), a resource policy that is a JSON object.
    func checkClassTagsAndPolicy() throws(AWSServiceError) -> (TableClass?, [(key: String, value: String)]) {
        let tableClass = input.string("TableClass")
        if let tableClass, TableClass(rawValue: tableClass) == nil { throw DynamoDBError.invalidTableClass }
        let tags = try TableInputs.checkTags(input.readers("Tags") ?? [])
        if let policy = input.string("ResourcePolicy") {
            guard case .object? = try? JSONParser.parse(policy) else { throw DynamoDBError.invalidPolicy }
        }
        return (tableClass.flatMap(TableClass.init(rawValue:)), tags)
    }

    /// On-demand limits only on PAY_PER_REQUEST tables; warm throughput not below provisioned capacity; no global table.
    func checkOnDemandWarmAndGlobalTable() throws(AWSServiceError) {
        if let onDemand {
            if !isPayPerRequest { throw DynamoDBError.onDemandOnProvisioned }
            try TableInputs.checkOnDemand(onDemand, allowClear: false)
        }
        if let warm, let throughput, !isPayPerRequest {
            if let read = warm.read, let capacity = throughput.read, read < capacity {
                throw DynamoDBError.warmBelowProvisioned("ReadUnitsPerSecond", "ReadCapacityUnits")
            }
            if let write = warm.write, let capacity = throughput.write, write < capacity {
                throw DynamoDBError.warmBelowProvisioned("WriteUnitsPerSecond", "WriteCapacityUnits")
            }
        }
        if input.has("GlobalTableSourceArn") { throw DynamoDBError.globalTablesNotServed("GlobalTableSourceArn") }
    }
}
