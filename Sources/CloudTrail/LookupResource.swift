#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One resource as LookupEvents lists it (`Resources[]`: `ResourceType`, `ResourceName`).
public struct LookupResource: Sendable, Equatable {
    /// A CloudFormation-style type, e.g. `AWS::DynamoDB::Table`.
    public var type: String
    public var name: String

    public init(type: String, name: String) {
        self.type = type
        self.name = name
    }
}
