/// A secondary index (CreateTable's LSI/GSI, UpdateTable's Create action) as sent.
struct IndexInput: Sendable {
    var name: String?
    var keySchema: [KeyInput]?
    var projection: ProjectionInput?
    var throughput: ThroughputInput?
    var onDemand: OnDemandLimits?
    var warm: ThroughputInput?
}
