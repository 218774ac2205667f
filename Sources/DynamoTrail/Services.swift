import AWSProtocol
import DynamoDBControlPlane
import Foundation
import HTTPServer

/// The services behind the router and the glue between them: authentication, dispatch, auditing,
/// and the admin actions. Sendable: it holds actors and immutable values only.
struct Services: Sendable {
    let configuration: Configuration
    let controlPlane: DynamoDBControlPlane
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

    /// Who is calling. Lenient stand-in until SigV4 lands: the region comes from the credential
    /// scope, the account is the default one, the caller an IAM user named after the access key.
    func authenticate(_ request: HTTPRequest, target: ServiceTarget, requestId: String, receivedAt: Date) -> Result<
        AuthenticatedCall, AWSServiceError
    > {
        let account = configuration.defaultAccount.accountId
        var region = defaultRegion
        var accessKey: String? = nil
        if let authorization = request.headers["Authorization"], let range = authorization.range(of: "Credential=") {
            let scope = authorization[range.upperBound...].prefix(while: { $0 != "," && $0 != " " }).split(separator: "/")
            if scope.count >= 3 {
                accessKey = String(scope[0])
                region = String(scope[2])
            }
        }
        let identity =
            if let accessKey {
                CallerIdentity(
                    type: .iamUser, principalId: accessKey, arn: "arn:aws:iam::\(account):user/\(accessKey)", accountId: account,
                    accessKeyId: accessKey, userName: accessKey)
            } else {
                CallerIdentity(type: .awsAccount, principalId: "", arn: nil, accountId: account, accessKeyId: nil)
            }
        let context = CallContext(
            identity: identity, accountId: account, region: region, sourceIPAddress: request.remoteAddress,
            userAgent: request.headers["User-Agent"] ?? "", requestId: requestId, receivedAt: receivedAt,
            usedSessionCredentials: request.headers.contains("X-Amz-Security-Token"))
        return .success(AuthenticatedCall(context: context))
    }

    /// AccessDeniedException when the caller's deny list covers the action; nil when allowed.
    func denial(for target: ServiceTarget, input: JSONValue, call: AuthenticatedCall) -> AWSServiceError? { nil }

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
