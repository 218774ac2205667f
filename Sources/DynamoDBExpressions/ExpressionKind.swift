/// The expression parameters of DynamoDB requests, named as on the wire and in AWS's messages.
public enum ExpressionKind: String, Sendable, Hashable, CaseIterable {
    case update = "UpdateExpression"
    case condition = "ConditionExpression"
    case keyCondition = "KeyConditionExpression"
    case filter = "FilterExpression"
    case projection = "ProjectionExpression"
}

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
