/// The expressions of one request after parsing and checking, with the placeholders they used.
public struct ParsedExpressions: Sendable, Equatable {
    public var update: [UpdateAction]?
    public var condition: Condition?
    public var keyCondition: Condition?
    public var filter: Condition?
    public var projection: [DocumentPath]?
    /// `#names` and `:values` the expressions used (for CloudTrail's record and the unused checks).
    public var usedNames: Set<String> = []
    public var usedValues: Set<String> = []

    public init() {}
}
