import Dispatch

/// The delivery and retention timers and the retention sweep, on `queue`.
extension TrailRecorder {
    /// Applies the retention rules now (also done at start and hourly).
    public func applyRetention() async -> RetentionReport {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.runRetention()) }
        }
    }

    /// Starts the delivery timer (every `deliveryIntervalSeconds`, at least 50 ms) and, when a
    /// retention rule is set, the hourly retention timer.
    func startTimers() {
        let interval = max(0.05, settings.deliveryIntervalSeconds)
        let delivery = DispatchSource.makeTimerSource(queue: queue)
        delivery.schedule(deadline: .now() + interval, repeating: interval)
        delivery.setEventHandler { [weak self] in _ = self?.deliver(force: false) }
        delivery.resume()
        state.deliveryTimer = delivery
        if settings.retention.archiveAfterDays != nil || settings.retention.deleteAfterDays != nil {
            let retention = DispatchSource.makeTimerSource(queue: queue)
            retention.schedule(deadline: .now() + 3600, repeating: 3600)
            retention.setEventHandler { [weak self] in _ = self?.runRetention() }
            retention.resume()
            state.retentionTimer = retention
        }
    }

    /// Archives and deletes delivered objects per `trail.retention`; logs what it did.
    func runRetention() -> RetentionReport {
        let report = Retention.apply(
            bucketRoot: bucketRoot, state: settings.state,
            logsRoot: LogFileKey.root(prefix: settings.bucket.keyPrefix, organizationId: nil),
            settings: settings.retention, now: clock.now())
        if !report.archived.isEmpty || !report.deleted.isEmpty || !report.errors.isEmpty {
            log("retention: archived \(report.archived.count), deleted \(report.deleted.count), errors \(report.errors.count)")
        }
        return report
    }
}
