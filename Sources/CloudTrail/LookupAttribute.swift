#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One `{AttributeKey, AttributeValue}` pair.
public struct LookupAttribute: Sendable, Equatable {
    public var key: LookupAttributeKey
    public var value: String

    public init(key: LookupAttributeKey, value: String) {
        self.key = key
        self.value = value
    }
}
