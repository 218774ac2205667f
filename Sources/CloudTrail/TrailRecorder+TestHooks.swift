/// Test hooks: simulated `kill -9` at chosen points of a delivery, and a manual timer tick.
extension TrailRecorder {
    /// Where a simulated `kill -9` happens during delivery.
    enum CrashPoint: CaseIterable {
        case afterPlanJournaled, afterTempFileWritten, afterRename, afterSidecar, afterNotification
    }

    /// Thrown through a delivery that a simulated crash stopped.
    struct SimulatedCrash: Error {}

    /// Crashes (and throws) when `point` is the armed crash point.
    func checkCrash(_ point: CrashPoint) throws {
        if state.crashPoint == point {
            crash()
            throw SimulatedCrash()
        }
    }

    /// Behaves like `kill -9` at this instant: nothing more is written, unsynced waiters are never acknowledged.
    func crash() {
        state.crashPoint = nil
        stop(phase: .crashed)
    }

    /// One delivery-timer tick, now.
    func tick() -> [String] { queue.sync { deliver(force: false) } }

    /// Simulates `kill -9` now.
    func simulateCrash() { queue.sync { crash() } }

    /// Arms a crash point for the next delivery.
    func armCrash(_ point: CrashPoint?) { queue.sync { state.crashPoint = point } }
}
