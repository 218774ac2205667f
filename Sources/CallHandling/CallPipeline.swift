import AWSProtocol
import CloudTrail
import CloudTrailService
import DynamoDB

/// The one way a call is made: recognise → authenticate → authorize → perform → audit. The server's
/// router runs it for every JSON-protocol request (and renders the result: respond), and `sample`
/// runs it for every simulated call, so a call's answer and its CloudTrail record can only be made
/// one way. Sendable: immutable values, actors and thread-safe sinks.
public struct CallPipeline: Sendable {
    let controlPlane: DynamoDBService
    /// CloudTrail's own API; nil where it is not served (`sample`), so its operations are unknown.
    let cloudTrail: CloudTrailAPI?
    /// Also checks S3 and admin requests, which do not run through the pipeline.
    public let authenticator: Authenticator
    let audit: any AuditSink
    /// The trail's name: denied CloudTrail calls name its ARN as their resource.
    let trailName: String
    /// Draws each record's `eventID`.
    let random: any RandomSource
    /// Records carry `tlsDetails` as for HTTPS calls to AWS (`sample` always; the server per `trail.tlsDetails`).
    let recordsTLSDetails: Bool

    public init(
        controlPlane: DynamoDBService, cloudTrail: CloudTrailAPI?, authenticator: Authenticator, audit: any AuditSink,
        trailName: String, random: any RandomSource, recordsTLSDetails: Bool = false
    ) {
        self.controlPlane = controlPlane
        self.cloudTrail = cloudTrail
        self.authenticator = authenticator
        self.audit = audit
        self.trailName = trailName
        self.random = random
        self.recordsTLSDetails = recordsTLSDetails
    }

    /// Runs the call through every stage and returns its answer. Calls refused before they are
    /// authenticated (unknown operation, bad signature) are not recorded, as on AWS; nor are calls the
    /// sink cannot record now (full disk), refused before anything is done. Every other outcome is
    /// recorded before this returns, and one whose record could not be kept is answered with the
    /// sink's error, never as a success.
    public func run(_ call: IncomingCall) async -> Result<JSONValue, AWSServiceError> {
        let admitted: AdmittedCall
        switch admit(call) {
        case .success(let call): admitted = call
        case .failure(let error): return .failure(error)
        }
        let result: Result<JSONValue, AWSServiceError>
        if let input = call.input, admitted.refusal == nil {
            result = await perform(call.target, input: input, call: admitted.caller)
        } else {
            result = .failure(admitted.refusal ?? .serialization)
        }
        if let failure = await record(admitted.operation, input: call.input, call: admitted.caller, result: result) {
            return .failure(failure)
        }
        return result
    }

    /// A call past the stages that come before the operation, as `run` and `runImmediately` share them.
    struct AdmittedCall {
        var operation: RecognizedOperation
        var caller: AuthenticatedCall
        /// Why the call is answered with an error without being performed (an empty body, a deny-list
        /// entry); the refusal is recorded like any answer.
        var refusal: AWSServiceError?
    }

    /// Recognises the operation, authenticates the caller and asks the sink for room; a failure here is
    /// answered without a record. Then checks the body and the deny list.
    func admit(_ call: IncomingCall) -> Result<AdmittedCall, AWSServiceError> {
        guard let operation = recognize(call.target) else { return .failure(.unknownOperation) }
        let caller: AuthenticatedCall
        switch authenticate(call) {
        case .success(let authenticated): caller = authenticated
        case .failure(let error): return .failure(error)
        }
        if let refusal = audit.admissionRefusal() { return .failure(refusal) }
        // An empty body is refused after authentication, and the refusal is recorded.
        guard let input = call.input else { return .success(AdmittedCall(operation: operation, caller: caller, refusal: .serialization)) }
        return .success(AdmittedCall(operation: operation, caller: caller, refusal: denial(for: call.target, input: input, call: caller)))
    }

    /// The operation the target names, if its service has it (others get UnknownOperationException).
    public func recognize(_ target: ServiceTarget) -> RecognizedOperation? {
        guard let service = target.service.controlPlane else {
            guard cloudTrail != nil, CloudTrailAPI.recognizes(target.operation) else { return nil }
            return RecognizedOperation(target: target, plane: .control)
        }
        return DynamoDBService.plane(service, operation: target.operation).map {
            RecognizedOperation(target: target, plane: $0)
        }
    }

    /// Who is calling: SigV4 per the authenticator's mode, or the caller the call already names.
    public func authenticate(_ call: IncomingCall) -> Result<AuthenticatedCall, AWSServiceError> {
        let caller: AuthenticatedCaller
        switch call.credentials {
        case .known(let known):
            caller = known
        case .signed(let request):
            switch authenticator.authenticate(request, expectedService: call.target.service.signingName) {
            case .failure(let failure): return .failure(failure.jsonError)
            case .success(let authenticated): caller = authenticated
            }
        }
        let context = caller.callContext(
            sourceIPAddress: call.sourceIPAddress, userAgent: call.userAgent, requestId: call.requestId,
            receivedAt: call.receivedAt)
        return .success(AuthenticatedCall(caller: caller, context: context))
    }

    /// Hands the input to the service that owns the operation.
    func perform(_ target: ServiceTarget, input: JSONValue, call: AuthenticatedCall) async -> Result<JSONValue, AWSServiceError> {
        let context = call.context
        guard let service = target.service.controlPlane else {
            guard let cloudTrail else { return .failure(.unknownOperation) }
            return await cloudTrail.handle(operation: target.operation, input: input, context: context)
        }
        return await controlPlane.handle(
            DynamoDBRequest(
                service: service, operation: target.operation, input: input, accountId: context.accountId,
                region: context.region))
    }

    /// Turns the finished call into its CloudTrail event (a data event only when the trail may log it) and
    /// hands it to the sink; then lets CloudTrail's API act on its own recorded call (StopLogging).
    /// - Returns: the sink's error when the record could not be kept (the call must not answer success).
    func record(
        _ operation: RecognizedOperation, input: JSONValue?, call: AuthenticatedCall, result: Result<JSONValue, AWSServiceError>
    ) async -> AWSServiceError? {
        var facts: [String: TableAuditFacts] = [:]
        if operation.plane == .data {
            // Data events are built only when the caller's trail may log one (none by default).
            let context = call.context
            guard audit.mayLogDataEvents(account: context.accountId) else { return nil }
            facts = await controlPlane.auditFacts(
                tables: DataEventTables.names(operation.target.operation, input), accountId: context.accountId,
                region: context.region)
        }
        guard let audited = audited(operation, input: input, call: call, result: result, facts: facts) else { return nil }
        if let failure = await audit.keep(audited) { return failure }
        if operation.target.service == .cloudTrail {
            await cloudTrail?.didRecord(operation: operation.target.operation, result: result, context: call.context)
        }
        return nil
    }

    /// The finished call as the sink takes it: its management event, or its data event built with the
    /// tables' `facts`; nil when the call is not recorded.
    func audited(
        _ operation: RecognizedOperation, input: JSONValue?, call: AuthenticatedCall, result: Result<JSONValue, AWSServiceError>,
        facts: [String: TableAuditFacts]
    ) -> AuditedCall? {
        let target = operation.target
        var event: CloudTrailEvent
        if operation.plane == .data {
            event = CallAudit.dataEvent(operation, input: input, call: call, result: result, facts: facts)
        } else {
            guard let management = CallAudit.event(operation, input: input, call: call, result: result) else { return nil }
            event = management
        }
        if recordsTLSDetails { event.tlsDetails = TLSDetails.record(service: target.service, region: call.context.region) }
        return AuditedCall(
            event: event, eventID: random.uuid(), eventTime: event.eventTime ?? call.context.receivedAt, target: target,
            input: input)
    }
}
