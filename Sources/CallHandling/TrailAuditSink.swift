import AWSProtocol
import CloudTrail
import CloudTrailService

/// The server's sink: each record is made durable in the trail's journal (per `journal.fsync`)
/// before the answer goes out, then enters the event history (LookupEvents) with the same eventID
/// and bytes as the log file. A journal failure is logged and shows in health; the API keeps
/// answering. Sendable: the recorder and history guard their own state.
public struct TrailAuditSink: AuditSink {
    let recorder: TrailRecorder
    let history: EventHistory
    let eventVersion: String
    let log: @Sendable (String) -> Void

    public init(recorder: TrailRecorder, history: EventHistory, eventVersion: String, log: @escaping @Sendable (String) -> Void) {
        self.recorder = recorder
        self.history = history
        self.eventVersion = eventVersion
        self.log = log
    }

    public func record(_ call: AuditedCall) async {
        var event = call.event
        event.eventTime = call.eventTime
        // Rendered once: the journal, the log file and the history hold these same bytes.
        let rendered = RenderedRecord(event: event, eventID: call.eventID, eventTime: call.eventTime, eventVersion: eventVersion)
        do {
            try await recorder.record(rendered)
        } catch {
            log("could not record \(call.target.operation) \(event.context.requestId): \(error)")
            if case TrailError.invalidEvent = error { return }
        }
        history.record(
            rendered, resources: CloudTrailAPI.lookupResources(eventSource: call.target.service.eventSource, input: call.input))
    }
}
