import AWSProtocol
import CloudTrail
import CloudTrailService

/// The server's sink: each record is made durable in the trail's journal (per `journal.fsync`)
/// before the answer goes out, then enters the event history (LookupEvents) with the same eventID
/// and bytes as the log file; data events, selected by the trail's event selectors, go to the log only. While the journal cannot take records, calls are refused before they
/// are performed; a record the journal fails to take turns the call's answer into
/// InternalServerError. Sendable: the recorder and history guard their own state.
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

    /// DynamoDB's InternalServerError (HTTP 500; "Error handling with DynamoDB",
    /// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html, marks it
    /// retryable) while the journal's reserve is spent: nothing was done, the caller may retry.
    public func admissionRefusal() -> AWSServiceError? {
        // Not logged per call: the recorder logs when it starts and stops refusing, health counts them.
        recorder.admissionRefusal() == nil ? nil : .internalServerError(Self.refusedMessage)
    }

    /// Our texts (AWS has none for these cases); the details, with paths, go to the log and health only.
    static let refusedMessage =
        "The server cannot record calls right now (its CloudTrail journal is out of space or failing), so it did not perform this call. Retry later."
    static let unrecordedMessage =
        "The call was performed but its CloudTrail record could not be saved (the journal is out of space or failing). Check the server's health before retrying."

    public func mayLogDataEvents(account: String) -> Bool { recorder.selection.mayLogDataEvents(account: account) }

    public func keep(_ call: AuditedCall) async -> AWSServiceError? {
        guard let (rendered, isDataEvent) = render(call) else { return nil }
        do {
            try await recorder.record(rendered)
        } catch {
            return recordingFailed(error, call: call)
        }
        return remember(rendered, isDataEvent: isDataEvent, call: call)
    }

    /// Every `journal.fsync` mode but `batch` (see `TrailRecorder.recordsImmediately`).
    public var keepsImmediately: Bool { recorder.recordsImmediately }

    public func keepImmediately(_ call: AuditedCall) -> AWSServiceError? {
        guard let (rendered, isDataEvent) = render(call) else { return nil }
        do {
            try recorder.recordImmediately(rendered)
        } catch {
            return recordingFailed(error, call: call)
        }
        return remember(rendered, isDataEvent: isDataEvent, call: call)
    }

    /// The record's bytes, rendered once (the journal, the log file and the history hold these same bytes),
    /// and whether it is a data event; nil for a data event its trail does not select (the recorder would
    /// drop it too).
    private func render(_ call: AuditedCall) -> (RenderedRecord, isDataEvent: Bool)? {
        var event = call.event
        event.eventTime = call.eventTime
        let isDataEvent = event.eventCategory == "Data"
        if isDataEvent, !recorder.selection.selects(SelectableEvent(event), account: event.recipientAccountId) { return nil }
        let rendered = RenderedRecord(event: event, eventID: call.eventID, eventTime: call.eventTime, eventVersion: eventVersion)
        return (rendered, isDataEvent)
    }

    /// The answer for a record the recorder refused: an invalid event is logged and the call answered as
    /// it is; any other failure turns the answer into InternalServerError.
    private func recordingFailed(_ error: any Error, call: AuditedCall) -> AWSServiceError? {
        let requestId = call.event.context.requestId
        if case TrailError.invalidEvent(let reason) = error {
            log("could not record \(call.target.operation) \(requestId): invalid event: \(reason)")
            return nil
        }
        log("could not record \(call.target.operation) \(requestId): \(error)")
        return .internalServerError(Self.unrecordedMessage)
    }

    /// A kept management event enters the event history; data events go to the log files only
    /// (LookupEvents shows management events, "LookupEvents").
    private func remember(_ rendered: RenderedRecord, isDataEvent: Bool, call: AuditedCall) -> AWSServiceError? {
        if isDataEvent { return nil }
        history.record(
            rendered, resources: CloudTrailAPI.lookupResources(eventSource: call.target.service.eventSource, input: call.input))
        return nil
    }
}
