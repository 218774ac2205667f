import AWSProtocol

/// Where the pipeline's records go: the server's trail recorder and event history, or the sample
/// generator's files. The sink decides when the record's bytes are rendered (once).
public protocol AuditSink: Sendable {
    /// Asked before a call is performed, without waiting: nil when its record will have room, else
    /// the error to answer instead (the call is then not performed and not recorded).
    func admissionRefusal() -> AWSServiceError?

    /// Keeps the record, returning only when it is as durable as the sink promises: nil when it is
    /// kept, else the error to answer instead of the call's result (a call whose record is not kept
    /// is never answered as a success).
    func keep(_ call: AuditedCall) async -> AWSServiceError?

    /// True when `account`'s trail may log some data event, asked before a data event is built.
    func mayLogDataEvents(account: String) -> Bool

    /// True when `keepImmediately` keeps records as durably as `keep` (asked before a call is performed).
    var keepsImmediately: Bool { get }

    /// `keep`, on the calling thread, blocking until the record is as durable as the sink promises.
    /// Called only from Dispatch threads, and only while `keepsImmediately` is true.
    func keepImmediately(_ call: AuditedCall) -> AWSServiceError?
}

extension AuditSink {
    /// Sinks that cannot run out of room admit every call.
    public func admissionRefusal() -> AWSServiceError? { nil }

    /// A default trail logs no data events ("Logging data events": data events are not logged by default).
    public func mayLogDataEvents(account: String) -> Bool { false }

    /// Sinks keep records asynchronously unless they say otherwise.
    public var keepsImmediately: Bool { false }

    /// Never called while `keepsImmediately` is false; answers as a record that could not be kept.
    public func keepImmediately(_ call: AuditedCall) -> AWSServiceError? {
        .internalServerError("This audit sink keeps records asynchronously only.")
    }
}
