import AWSProtocol
import DynamoDBControlPlane
import Foundation
import HTTPServer

/// The services behind the router and the glue between them: authentication, dispatch, auditing,
/// and the admin actions. Sendable: it holds actors and immutable values only.
struct Services: Sendable {
    let configuration: Configuration
    let controlPlane: DynamoDBControlPlane
    let authenticator: Authenticator
    let clock: any WallClock
    let random: any RandomSource
    let logger: Logger
    let startedAt: Date

    var defaultRegion: String { configuration.defaultRegion }

    /// Whether the target names an operation its service has (others get UnknownOperationException).
    func recognizes(_ target: ServiceTarget) -> Bool {
        switch target.service {
        case .dynamoDB: DynamoDBControlPlane.recognizes(.dynamoDB, operation: target.operation)
        case .dynamoDBStreams: DynamoDBControlPlane.recognizes(.streams, operation: target.operation)
        case .cloudTrail: false
        }
    }

    /// Who is calling: SigV4 per `auth.mode`, the credential scope's region, the configured identity.
    func authenticate(_ request: HTTPRequest, target: ServiceTarget, requestId: String, receivedAt: Date) -> Result<
        AuthenticatedCall, AWSServiceError
    > {
        let signed = SigV4Request(
            method: request.method, rawPath: String(request.path), rawQuery: String(request.query),
            headers: request.headers.fields.map { ($0.name, $0.value) }, body: request.body)
        switch authenticator.authenticate(signed, expectedService: target.service.signingName) {
        case .failure(let failure):
            return .failure(failure.jsonError)
        case .success(let caller):
            let context = caller.callContext(
                sourceIPAddress: request.remoteAddress, userAgent: request.headers["User-Agent"] ?? "", requestId: requestId,
                receivedAt: receivedAt)
            return .success(AuthenticatedCall(caller: caller, context: context))
        }
    }

    /// AccessDeniedException when the caller's deny list covers the action; nil when allowed.
    func denial(for target: ServiceTarget, input: JSONValue, call: AuthenticatedCall) -> AWSServiceError? {
        let action = "\(target.service.signingName):\(target.operation)"
        guard call.caller.isDenied(action: action) else { return nil }
        let context = call.context
        let resource: String
        if let streamArn = input["StreamArn"]?.stringValue {
            resource = streamArn
        } else if target.service == .cloudTrail {
            resource = "arn:aws:cloudtrail:\(context.region):\(context.accountId):trail/\(configuration.trail.name)"
        } else {
            let name = (input["TableName"] ?? input["ResourceArn"])?.stringValue
            resource =
                name.map { $0.hasPrefix("arn:") ? $0 : AccessDenied.tableResource(region: context.region, accountId: context.accountId, tableName: $0) }
                ?? AccessDenied.tableResource(region: context.region, accountId: context.accountId, tableName: nil)
        }
        return call.caller.accessDenied(action: action, resource: resource)
    }

    func perform(_ target: ServiceTarget, input: JSONValue, call: AuthenticatedCall) async -> Result<JSONValue, AWSServiceError> {
        let context = call.context
        switch target.service {
        case .dynamoDB, .dynamoDBStreams:
            return await controlPlane.handle(
                ControlPlaneRequest(
                    service: target.service == .dynamoDB ? .dynamoDB : .streams, operation: target.operation, input: input,
                    accountId: context.accountId, region: context.region))
        case .cloudTrail:
            return .failure(.unknownOperation)
        }
    }

    /// Hands a finished call to CloudTrail (wired in with the delivery work).
    func audit(target: ServiceTarget, input: JSONValue?, call: AuthenticatedCall, result: Result<JSONValue, AWSServiceError>) async {}

    func health() async -> JSONValue {
        [
            "status": "ok",
            "version": .string(DynamoTrailVersion.current),
            "uptimeSeconds": .double((clock.now().timeIntervalSince(startedAt) * 1000).rounded() / 1000),
        ]
    }

    func flush() async -> [String] { [] }

    func reset() async { await controlPlane.reset() }
}

/// The version `--version` prints and the health endpoint reports.
public enum DynamoTrailVersion {
    public static let current = "0.1.0"
}
