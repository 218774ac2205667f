/// Delivery health: the counters in `state` and the snapshot the server's health endpoint shows.
extension TrailRecorder {
    /// A snapshot of delivery health; admission is read on the queue too, after any reserve attempt
    /// already queued, so the snapshot is consistent.
    public var health: TrailHealth {
        queue.sync {
            let refusal = admission.refusal
            let refusedCalls = admission.refusedCalls
            return TrailHealth(
                isLogging: state.logging.allLogging, pendingRecords: pendingCount(), pendingFiles: state.openPlans.count,
                deliveredRecords: state.deliveredRecords, deliveredFiles: state.deliveredFiles,
                lastDeliveryTime: state.lastDeliveryTime, lastError: state.lastError, lastErrorTime: state.lastErrorTime,
                consecutiveFailures: state.consecutiveFailures, lastNotificationError: state.lastNotificationError,
                acceptingCalls: refusal == nil, refusalReason: refusal, refusedCalls: refusedCalls,
                reserveBytes: state.reserve?.bytes ?? journalSettings.reserveBytes, reserveHeld: state.reserve?.isHeld ?? false,
                journalFailures: state.journalFailures, unrecordedCalls: state.unrecordedRecords)
        }
    }

    /// Acknowledged records not yet in a delivered file, decided or not.
    func pendingCount() -> Int {
        state.pending.values.reduce(0) { $0 + $1.count } + state.openPlans.values.reduce(0) { $0 + $1.records.count }
    }

    /// Records a journal or delivery error for health and logs it.
    func noteError(_ message: String) {
        state.lastError = message
        state.lastErrorTime = clock.now()
        log("cloudtrail: \(message)")
    }

    /// Counts one delivered file and clears the error state.
    func noteDelivered(recordCount: Int) {
        state.deliveredFiles += 1
        state.deliveredRecords += recordCount
        state.lastDeliveryTime = clock.now()
        state.lastError = nil
        state.lastErrorTime = nil
        state.consecutiveFailures = 0
    }
}
