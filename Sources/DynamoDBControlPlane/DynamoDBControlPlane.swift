// Temporary stand-in for the control plane being built on the `ddb` branch; replaced on merge.
import AWSProtocol

public enum ControlPlaneService: Sendable { case dynamoDB, streams }

public struct ControlPlaneRequest: Sendable {
    public var service: ControlPlaneService
    public var operation: String
    public var input: JSONValue
    public var accountId: String
    public var region: String
    public init(service: ControlPlaneService, operation: String, input: JSONValue, accountId: String, region: String) {
        self.service = service
        self.operation = operation
        self.input = input
        self.accountId = accountId
        self.region = region
    }
}

public actor DynamoDBControlPlane {
    public init(settings: ControlPlaneSettings, clock: any WallClock, random: any RandomSource) {}
    public func handle(_ request: ControlPlaneRequest) -> Result<JSONValue, AWSServiceError> { .failure(.unknownOperation) }
    public func reset() {}
    public static func recognizes(_ service: ControlPlaneService, operation: String) -> Bool { false }
}
