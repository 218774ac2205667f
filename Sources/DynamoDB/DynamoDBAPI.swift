import AWSProtocol

/// Which JSON API a request was addressed to (`DynamoDB_20120810.*` or `DynamoDBStreams_20120810.*`).
public enum DynamoDBAPI: Sendable { case dynamoDB, streams }
