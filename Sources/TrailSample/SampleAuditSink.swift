import AWSProtocol
import CallHandling

/// The sample generator's sink: each record joins its account and region's file group; the bytes are
/// rendered once, when the group is written. Sendable: the writer is an actor.
struct SampleAuditSink: AuditSink {
    let writer: SampleFileWriter

    func keep(_ call: AuditedCall) async -> AWSServiceError? {
        await writer.add(
            .init(event: call.event, eventTime: call.eventTime, eventID: call.eventID), account: call.event.recipientAccountId,
            region: call.event.context.region)
        return nil
    }
}
