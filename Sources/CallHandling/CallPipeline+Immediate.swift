import AWSProtocol
import DynamoDB

extension CallPipeline {
    /// True when `runImmediately` runs calls to `target` now: DynamoDB and DynamoDB Streams, with a sink that
    /// keeps records immediately, while no other call is on the DynamoDB actor (a call that would wait goes
    /// through `run`, where waiting callers are served in turn).
    public func runsImmediately(_ target: ServiceTarget) -> Bool {
        target.service.controlPlane != nil && audit.keepsImmediately && controlPlane.isIdle
    }

    /// `run` on the calling thread, for a DynamoDB or DynamoDB Streams call whose sink keeps records
    /// immediately: the operation runs on the DynamoDB actor's queue (`handleImmediately`) and the record
    /// is journaled under the recorder's lock, so the call costs no hop into Swift concurrency and back.
    /// Blocking: call it from a Dispatch thread, never from a Swift concurrency thread.
    /// - Returns: nil when the call needs `run` (CloudTrail's API, a sink that keeps records asynchronously);
    ///   nothing has been done then.
    public func runImmediately(_ call: IncomingCall) -> Result<JSONValue, AWSServiceError>? {
        guard runsImmediately(call.target), let service = call.target.service.controlPlane else { return nil }
        let admitted: AdmittedCall
        switch admit(call) {
        case .success(let call): admitted = call
        case .failure(let error): return .failure(error)
        }
        let result: Result<JSONValue, AWSServiceError>
        if let input = call.input, admitted.refusal == nil {
            let context = admitted.caller.context
            result = controlPlane.handleImmediately(
                DynamoDBRequest(
                    service: service, operation: call.target.operation, input: input, accountId: context.accountId,
                    region: context.region))
        } else {
            result = .failure(admitted.refusal ?? .serialization)
        }
        if let failure = recordImmediately(admitted.operation, input: call.input, call: admitted.caller, result: result) {
            return .failure(failure)
        }
        return result
    }

    /// `record`, on the calling thread (see `runImmediately`).
    private func recordImmediately(
        _ operation: RecognizedOperation, input: JSONValue?, call: AuthenticatedCall, result: Result<JSONValue, AWSServiceError>
    ) -> AWSServiceError? {
        var facts: [String: TableAuditFacts] = [:]
        if operation.plane == .data {
            let context = call.context
            guard audit.mayLogDataEvents(account: context.accountId) else { return nil }
            facts = controlPlane.auditFactsImmediately(
                tables: DataEventTables.names(operation.target.operation, input), accountId: context.accountId,
                region: context.region)
        }
        guard let audited = audited(operation, input: input, call: call, result: result, facts: facts) else { return nil }
        return audit.keepImmediately(audited)
    }
}
