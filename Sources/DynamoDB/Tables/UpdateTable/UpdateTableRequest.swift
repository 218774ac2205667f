import AWSProtocol

/// UpdateTable's input, read once: the members of each concern as sent.
struct UpdateTableRequest: Sendable {
    /// The separately ruled parts of an UpdateTable call. SSE, table class, deletion protection and warm
    /// throughput must each come alone; on-demand throughput may come with a billing mode only.
    enum Concern: Sendable, Hashable, CaseIterable {
        case provisionedThroughput, billingMode, indexUpdates, stream, encryption, tableClass, deletionProtection
        case onDemandThroughput, warmThroughput
    }

    /// The members of global tables (replicas, witnesses, consistency), which DynamoTrail does not serve.
    static let globalTableMemberNames = [
        "ReplicaUpdates", "MultiRegionConsistency", "GlobalTableWitnessUpdates", "GlobalTableSettingsReplicationMode",
    ]

    let input: InputReader
    let attributeDefinitions: [KeyInput]?
    /// BillingMode as sent (one of `BillingMode`'s values once the Coral constraints passed).
    let billingModeName: String?
    let throughput: ThroughputInput?
    let stream: InputReader?
    let indexUpdates: [GlobalSecondaryIndexUpdate]
    let encryption: InputReader?
    /// TableClass as sent; an unknown value is refused by the combination rules.
    let tableClassName: String?
    let deletionProtectionEnabled: Bool?
    let onDemand: OnDemandLimits?
    let warm: ThroughputInput?
    let globalTableMembers: [String]
    let concerns: Set<Concern>

    init(_ input: InputReader) {
        self.input = input
        attributeDefinitions = TableInputs.keys(input.readers("AttributeDefinitions"), typeMember: "AttributeType")
        billingModeName = input.string("BillingMode")
        throughput = TableInputs.throughput(input.reader("ProvisionedThroughput"))
        stream = input.reader("StreamSpecification")
        indexUpdates = (input.readers("GlobalSecondaryIndexUpdates") ?? []).map(GlobalSecondaryIndexUpdate.init)
        encryption = input.reader("SSESpecification")
        tableClassName = input.string("TableClass")
        deletionProtectionEnabled = input.bool("DeletionProtectionEnabled")
        onDemand = TableInputs.onDemand(input.reader("OnDemandThroughput"))
        warm = TableInputs.warm(input.reader("WarmThroughput"))
        globalTableMembers = Self.globalTableMemberNames.filter { input.has($0) }
        let sent: [(Concern, Bool)] = [
            (.provisionedThroughput, throughput != nil), (.billingMode, billingModeName != nil),
            (.indexUpdates, !indexUpdates.isEmpty), (.stream, stream != nil),
            (.encryption, input.has("SSESpecification")), (.tableClass, input.has("TableClass")),
            (.deletionProtection, input.has("DeletionProtectionEnabled")),
            (.onDemandThroughput, input.has("OnDemandThroughput")), (.warmThroughput, input.has("WarmThroughput")),
        ]
        concerns = Set(sent.filter(\.1).map(\.0))
    }

    func has(_ concern: Concern) -> Bool { concerns.contains(concern) }

    var billingMode: BillingMode? { billingModeName.flatMap(BillingMode.init(rawValue:)) }

    var tableClass: TableClass? { tableClassName.flatMap(TableClass.init(rawValue:)) }

    /// How many index Creates and Deletes the call asks for.
    var onlineIndexChanges: Int { indexUpdates.filter(\.isOnlineChange).count }

    /// The indexes the call deletes.
    var deletedIndexNames: Set<String> { Set(indexUpdates.filter { $0.delete != nil }.compactMap(\.indexName)) }

    /// StreamSpecification.StreamEnabled (false when absent).
    var streamEnabled: Bool { stream?.bool("StreamEnabled") ?? false }

    var streamViewTypeName: String? { stream?.string("StreamViewType") }
}
