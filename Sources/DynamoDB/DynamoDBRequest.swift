import AWSProtocol

/// One parsed call, as the router hands it over.
public struct DynamoDBRequest: Sendable {
    public var service: DynamoDBAPI
    /// The part after the dot in X-Amz-Target, e.g. "CreateTable".
    public var operation: String
    /// The parsed JSON body; the router already answered non-JSON and empty bodies.
    public var input: JSONValue
    public var accountId: String
    public var region: String

    public init(service: DynamoDBAPI, operation: String, input: JSONValue, accountId: String, region: String) {
        self.service = service
        self.operation = operation
        self.input = input
        self.accountId = accountId
        self.region = region
    }
}
