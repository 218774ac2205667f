/// Where the pipeline's records go: the server's trail recorder and event history, or the sample
/// generator's files. The sink decides when the record's bytes are rendered (once).
public protocol AuditSink: Sendable {
    /// Keeps the record; returns only when it is as durable as the sink promises.
    func record(_ call: AuditedCall) async
}
