import AWSProtocol

extension DynamoDBService {
    /// The actor runs on a serial Dispatch queue (see `DispatchQueueExecutor`) rather than Swift's
    /// default executor, so that `handleImmediately` can enter it from a Dispatch thread.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// True when no other call is on the actor: `handleImmediately` would not wait.
    public nonisolated var isIdle: Bool { executor.isIdle }

    /// `handle`, entered synchronously on the actor's queue. Blocking (it waits while another call runs):
    /// call it from a Dispatch thread, never from a Swift concurrency thread.
    public nonisolated func handleImmediately(_ request: DynamoDBRequest) -> Result<JSONValue, AWSServiceError> {
        executor.run { assumeIsolated { service in service.handle(request) } }
    }

    /// `auditFacts`, entered synchronously as `handleImmediately` is (and as blocking).
    public nonisolated func auditFactsImmediately(
        tables names: [String], accountId: String, region: String
    ) -> [String: TableAuditFacts] {
        executor.run { assumeIsolated { service in service.auditFacts(tables: names, accountId: accountId, region: region) } }
    }
}
