/// The expression parameters of DynamoDB requests, named as on the wire and in AWS's messages.
public enum ExpressionKind: String, Sendable, Hashable, CaseIterable {
    case update = "UpdateExpression"
    case condition = "ConditionExpression"
    case keyCondition = "KeyConditionExpression"
    case filter = "FilterExpression"
    case projection = "ProjectionExpression"
}
