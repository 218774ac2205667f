import AWSProtocol
import CloudTrail

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A finished call as CloudTrail will record it: the event, with the id and time that go into its
/// record, plus the call's target and input (the event history derives lookup resources from them).
public struct AuditedCall: Sendable {
    public var event: CloudTrailEvent
    public var eventID: String
    public var eventTime: Date
    public var target: ServiceTarget
    public var input: JSONValue?
}

/// Where the pipeline's records go: the server's trail recorder and event history, or the sample
/// generator's files. The sink decides when the record's bytes are rendered (once).
public protocol AuditSink: Sendable {
    /// Keeps the record; returns only when it is as durable as the sink promises.
    func record(_ call: AuditedCall) async
}
