import AWSProtocol
import CloudTrail
import Dispatch
import DynamoDBControlPlane
import HTTPServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The services behind the router and the glue between them: authentication, dispatch, auditing,
/// and the admin actions. Sendable: it holds actors and immutable values only.
struct Services: Sendable {
    let configuration: Configuration
    let controlPlane: DynamoDBControlPlane
    let authenticator: Authenticator
    let recorder: TrailRecorder
    let cloudTrail: CloudTrailAPI
    let clock: any WallClock
    let random: any RandomSource
    let logger: Logger
    let startedAt: Date

    var defaultRegion: String { configuration.defaultRegion }

    /// Whether the target names an operation its service has (others get UnknownOperationException).
    func recognizes(_ target: ServiceTarget) -> Bool {
        guard let service = target.service.controlPlane else { return CloudTrailAPI.recognizes(target.operation) }
        return DynamoDBControlPlane.recognizes(service, operation: target.operation)
    }

    /// Who is calling: SigV4 per `auth.mode`, the credential scope's region, the configured identity.
    func authenticate(_ request: HTTPRequest, target: ServiceTarget, requestId: String, receivedAt: Date) -> Result<
        AuthenticatedCall, AWSServiceError
    > {
        let signed = SigV4Request(request)
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
        } else if target.operation.contains("ReservedCapacity") {
            // Reserved capacity is bought for the account, not a table (dynamodb-api §4.1's IAM policy).
            resource = "arn:aws:dynamodb:\(context.region):\(context.accountId):*"
        } else if target.service == .cloudTrail {
            resource = "arn:aws:cloudtrail:\(context.region):\(context.accountId):trail/\(configuration.trail.name)"
        } else {
            let name = (input["TableName"] ?? input["ResourceArn"])?.stringValue
            resource =
                name.map {
                    $0.hasPrefix("arn:")
                        ? $0 : AccessDenied.tableResource(region: context.region, accountId: context.accountId, tableName: $0)
                }
                ?? AccessDenied.tableResource(region: context.region, accountId: context.accountId, tableName: nil)
        }
        return call.caller.accessDenied(action: action, resource: resource)
    }

    func perform(_ target: ServiceTarget, input: JSONValue, call: AuthenticatedCall) async -> Result<JSONValue, AWSServiceError> {
        let context = call.context
        guard let service = target.service.controlPlane else {
            return await cloudTrail.handle(operation: target.operation, input: input, context: context)
        }
        return await controlPlane.handle(
            ControlPlaneRequest(
                service: service, operation: target.operation, input: input, accountId: context.accountId,
                region: context.region))
    }

    /// Records a finished call with CloudTrail before the response goes out (durable per `journal.fsync`).
    /// A journal failure is logged and shows in health; the API keeps answering. The event also
    /// enters the event history (LookupEvents) with the same eventID and bytes as the log file.
    func audit(target: ServiceTarget, input: JSONValue?, call: AuthenticatedCall, result: Result<JSONValue, AWSServiceError>) async {
        guard var event = CallAudit.event(target: target, input: input, call: call, result: result) else { return }
        let eventID = random.uuid()
        let eventTime = event.eventTime ?? clock.now()
        event.eventTime = eventTime
        var valid = true
        do {
            try await recorder.record(event, eventID: eventID)
        } catch {
            logger.error("could not record \(target.operation) \(call.context.requestId): \(error)")
            if case TrailError.invalidEvent = error { valid = false }
        }
        if valid {
            let bytes = CloudTrailRecord.bytes(
                event, eventTime: eventTime, eventID: eventID, eventVersion: configuration.trail.eventVersion)
            cloudTrail.history.record(
                event, eventID: eventID, eventTime: eventTime, bytes: bytes,
                resources: CloudTrailAPI.lookupResources(target: target, input: input))
        }
        if target.service == .cloudTrail { await cloudTrail.didRecord(operation: target.operation, result: result) }
    }

    func health() async -> JSONValue {
        let recorder = self.recorder
        // `health` waits on the recorder's queue, which may be busy writing: not on a concurrency thread.
        let trail = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: recorder.health) }
        }
        var delivery = JSONObject()
        delivery.append("logging", .bool(trail.isLogging))
        delivery.append("pendingRecords", .int(trail.pendingRecords))
        delivery.append("pendingFiles", .int(trail.pendingFiles))
        delivery.append("deliveredRecords", .int(trail.deliveredRecords))
        delivery.append("deliveredFiles", .int(trail.deliveredFiles))
        delivery.append("lastDeliveryTime", trail.lastDeliveryTime.map { .string(UTCTime($0).iso8601) } ?? .null)
        delivery.append("lastError", trail.lastError.map { .string($0) } ?? .null)
        delivery.append("lastErrorTime", trail.lastErrorTime.map { .string(UTCTime($0).iso8601) } ?? .null)
        delivery.append("consecutiveFailures", .int(trail.consecutiveFailures))
        delivery.append("lastNotificationError", trail.lastNotificationError.map { .string($0) } ?? .null)
        var object = JSONObject()
        object.append("status", .string(trail.healthy ? "ok" : "degraded"))
        object.append("version", .string(DynamoTrailVersion.current))
        object.append("uptimeSeconds", .double((clock.now().timeIntervalSince(startedAt) * 1000).rounded() / 1000))
        object.append("pending", .int(trail.pendingRecords))
        object.append("delivered", .int(trail.deliveredRecords))
        object.append("delivery", .object(delivery))
        return .object(object)
    }

    func flush() async -> [String] { await recorder.flush() }

    func reset() async { await controlPlane.reset() }
}

/// The version `--version` prints and the health endpoint reports.
public enum DynamoTrailVersion {
    public static let current = "0.1.0"
}
