/// Provisioned throughput (or warm throughput: read and write units per second) as sent.
struct ThroughputInput: Sendable {
    var read: Int64?
    var write: Int64?
}
