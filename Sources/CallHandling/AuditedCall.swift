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
