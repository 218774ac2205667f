#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// LookupEvents' `LookupAttributeKey` enum (botocore model, 8 values).
public enum LookupAttributeKey: String, Sendable, CaseIterable {
    case eventId = "EventId"
    case eventName = "EventName"
    case readOnly = "ReadOnly"
    case username = "Username"
    case resourceType = "ResourceType"
    case resourceName = "ResourceName"
    case eventSource = "EventSource"
    case accessKeyId = "AccessKeyId"
}
