import AWSProtocol

/// One element of UpdateTable's GlobalSecondaryIndexUpdates as sent: exactly one of Update, Create or Delete
/// once the request's rules passed.
struct GlobalSecondaryIndexUpdate: Sendable {
    /// UpdateGlobalSecondaryIndexAction: new capacity, on-demand limits or warm throughput for an existing index.
    struct Update: Sendable {
        var indexName: String?
        var throughput: ThroughputInput?
        var onDemand: OnDemandLimits?
        var warm: ThroughputInput?
    }

    /// DeleteGlobalSecondaryIndexAction.
    struct Delete: Sendable {
        var indexName: String?
    }

    var update: Update?
    var create: IndexInput?
    var delete: Delete?
    /// How many of Update, Create and Delete the element carries (non-null).
    var actionCount: Int

    init(_ element: InputReader) {
        update = element.reader("Update").map {
            Update(
                indexName: $0.string("IndexName"), throughput: TableInputs.throughput($0.reader("ProvisionedThroughput")),
                onDemand: TableInputs.onDemand($0.reader("OnDemandThroughput")),
                warm: TableInputs.warm($0.reader("WarmThroughput")))
        }
        create = element.reader("Create").map(TableInputs.index)
        delete = element.reader("Delete").map { Delete(indexName: $0.string("IndexName")) }
        actionCount = ["Update", "Create", "Delete"].filter { element.has($0) }.count
    }

    /// The index the action names.
    var indexName: String? { update?.indexName ?? create?.name ?? delete?.indexName }

    /// A Create or Delete: an "online" index change, of which a table allows one at a time.
    var isOnlineChange: Bool { create != nil || delete != nil }

    /// Coral constraints of the element at `path` (`globalSecondaryIndexUpdates.N.member`).
    func validate(at path: String, _ validator: inout CoralValidator) {
        if let update {
            if validator.notNull(update.indexName != nil, at: "\(path).update.indexName"), let name = update.indexName {
                validator.name(name, at: "\(path).update.indexName")
            }
            TableInputs.validateThroughput(update.throughput, at: "\(path).update.provisionedThroughput", &validator)
        }
        if let create {
            TableInputs.validateIndex(create, at: "\(path).create", keyMaxLength: 8, &validator)
        }
        if let delete {
            if validator.notNull(delete.indexName != nil, at: "\(path).delete.indexName"), let name = delete.indexName {
                validator.name(name, at: "\(path).delete.indexName")
            }
        }
    }
}
