#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The journal's reserve and the admission of new calls (our proposal for "nothing lost on a full
/// disk"): a call is performed only while the reserve is held; the first failed journal write spends
/// the reserve and stops admission, so calls already performed, delivery decisions and log files still
/// find room; admission reopens by itself once the reserve can be allocated again.
extension TrailRecorder {
    /// Asks, without waiting, whether a new call may be performed: nil when its record will find room
    /// in the journal, else why not (`TrailError.unavailable`; the refusal is counted in health).
    /// A refusal also schedules, at most once a second, a delivery round (delivering frees journal
    /// segments: on a disk the journal itself filled, nothing else would) and an attempt to win the
    /// reserve back.
    public func admissionRefusal() -> TrailError? {
        guard let reason = admission.refuse() else { return nil }
        if admission.claimRestore(now: clock.now()) {
            queue.async { [self] in
                _ = deliver(force: false)
                restoreReserve()
                admission.restoreFinished()
            }
        }
        return .unavailable(reason)
    }

    /// Takes the lock on the journal directory now, if this recorder does not hold it yet (`start()`
    /// does it too; the server calls it first so nothing else touches the state before it).
    /// - Throws: `TrailError.locked` when another server holds it. Blocking.
    public func lockStateDirectory() throws(TrailError) {
        let result: Result<Void, TrailError> = queue.sync {
            if state.stateLock != nil { return .success(()) }
            do throws(TrailError) {
                state.stateLock = try StateLock(directory: journalDirectory)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    // MARK: - On queue

    /// Appends to the journal; when that fails, spends the reserve (stopping admission) and tries
    /// once more, so an entry of a call already performed or of a delivery still finds room.
    func appendUsingReserve(_ kind: Journal.Kind, _ payload: [UInt8], to journal: Journal) throws(FileIOError) -> Int {
        do {
            return try journal.append(kind, payload)
        } catch {
            guard spendReserve(after: error) else { throw error }
            do {
                return try journal.append(kind, payload)
            } catch {
                journalFailed(error)
                throw error
            }
        }
    }

    /// Counts a failed write, stops admitting calls and deletes the reserve; false when there was none
    /// to spend (already spent, or turned off).
    @discardableResult
    func spendReserve(after error: any Error) -> Bool {
        state.journalFailures += 1
        admission.close("the journal's disk is full or failing (\(error)); retry when space returns")
        guard let reserve = state.reserve, reserve.spend() else { return false }
        log("cloudtrail: journal write failed (\(error)); spent the \(reserve.bytes)-byte reserve, refusing new calls")
        return true
    }

    /// Counts a journal write that failed even with the reserve's room, and stops admitting calls.
    func journalFailed(_ error: FileIOError) {
        state.journalFailures += 1
        admission.close("the journal cannot be written (\(error)); retry later")
    }

    /// Allocates the reserve again if it is spent and reopens admission once it is held. Called after
    /// each delivery round (deliveries free journal segments) and, paced, by refused calls.
    func restoreReserve() {
        guard state.phase == .running, let reserve = state.reserve else { return }
        if reserve.isHeld, admission.refusal == nil { return }
        do throws(FileIOError) {
            try reserve.acquire()
        } catch {
            if admission.refusal == nil { admission.close("the journal's reserve cannot be allocated (\(error))") }
            return
        }
        if admission.refusal != nil {
            admission.open()
            log("cloudtrail: journal reserve of \(reserve.bytes) bytes allocated; accepting calls again")
        }
    }

    /// Opens the reserve at start; when it cannot be allocated the recorder starts refusing calls.
    /// On a small file system it is cut to an eighth of it (at least 64 KiB), so a tiny disk still
    /// takes calls.
    func openReserve() {
        var bytes = journalSettings.reserveBytes
        if bytes > 0, let total = FileIO.fileSystemBytes(journalDirectory) { bytes = min(bytes, max(64 * 1024, total / 8)) }
        let reserve = JournalReserve(directory: journalDirectory, bytes: bytes)
        state.reserve = reserve
        do throws(FileIOError) {
            try reserve.acquire()
        } catch {
            noteError("journal reserve: \(error)")
            admission.close("the journal's reserve of \(reserve.bytes) bytes cannot be allocated (\(error))")
        }
    }
}
