import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Delivery, on `queue`: pending records become journaled decisions (key + record list), each
/// decision is executed by writing its log file, and journaled done.
extension TrailRecorder {
    /// How executing one decision ended.
    enum Outcome { case delivered, failed, crashed }

    /// Retries open deliveries (all of them when `force`, else those due), then, if none is
    /// failing, turns pending records into new deliveries. Returns the keys written.
    func deliver(force: Bool) -> [String] {
        guard state.phase == .running else { return [] }
        let now = clock.now()
        var keys: [String] = []
        for id in state.openPlans.keys.sorted() {
            guard var plan = state.openPlans[id] else { continue }
            if !force, let due = plan.nextAttempt, due > now { return keys }
            switch execute(&plan) {
            case .delivered: keys.append(plan.entry.key)
            case .failed, .crashed: return keys
            }
        }
        for group in state.pending.keys.sorted() {
            while let records = state.pending[group], !records.isEmpty {
                guard let key = deliverGroup(group, now: now) else { return keys }
                keys.append(key)
            }
        }
        if state.phase == .running {
            state.journal?.compact()
            restoreReserve()
        }
        return keys
    }

    /// Journals a delivery decision for up to `maxRecordsPerFile` of a group's records and
    /// executes it. Returns the key when the file was delivered.
    func deliverGroup(_ group: Group, now: Date) -> String? {
        guard let journal = state.journal, let records = state.pending[group], !records.isEmpty else { return nil }
        let chosen = Array(records.prefix(max(1, settings.maxRecordsPerFile)))
        let key = LogFileKey.make(
            prefix: settings.bucket.keyPrefix, organizationId: settings.organizationId, account: group.account,
            region: group.region, deliveredAt: now, unique: LogFileKey.uniqueString(using: random))
        let entry = DeliveryPlanEntry(
            planId: state.nextPlanId, key: key, account: group.account, region: group.region, deliveredAt: now,
            seqs: chosen.map(\.seq))
        let segment: Int
        do throws(FileIOError) {
            segment = try appendUsingReserve(.plan, entry.encode(), to: journal)
        } catch {
            state.consecutiveFailures += 1
            noteError("journal append (delivery decision): \(error)")
            return nil
        }
        // From here the decision exists in the journal file: the records belong to it for good.
        state.nextPlanId += 1
        journal.addOpen(segment: segment)
        state.pending[group] = Array(records.dropFirst(chosen.count))
        if state.pending[group]?.isEmpty == true { state.pending[group] = nil }
        var plan = Plan(entry: entry, segment: segment, records: chosen)
        state.openPlans[entry.planId] = plan
        do throws(FileIOError) {
            try syncJournalNow()
        } catch {
            noteError("journal fsync (delivery decision): \(error)")
            failPlan(&plan, "journal fsync: \(error)")
            return nil
        }
        if state.crashPoint == .afterPlanJournaled {
            crash()
            return nil
        }
        switch execute(&plan) {
        case .delivered: return key
        case .failed, .crashed: return nil
        }
    }

    /// Writes the plan's file, sidecar and notification, then journals it done.
    func execute(_ plan: inout Plan) -> Outcome {
        do {
            let file = try writeLogFile(plan)
            guard let journal = state.journal else { return .crashed }
            // The hook runs before "done" is journaled, so a crash in between repeats it on replay
            // (at least once) instead of losing it.
            state.deliveryHandler?(file)
            // Not synced on its own: if lost, the replay rewrites identical bytes under the same key.
            _ = try? appendUsingReserve(.done, Journal.donePayload(planId: plan.entry.planId), to: journal)
            journal.closeOpen(segment: plan.segment)
            for record in plan.records { journal.closeOpen(segment: record.segment) }
            state.openPlans[plan.entry.planId] = nil
            noteDelivered(recordCount: plan.records.count)
            return .delivered
        } catch is SimulatedCrash {
            return .crashed
        } catch {
            // The bucket's disk may be the full one: the reserve's space lets this file out, and its
            // delivery frees journal segments.
            if (error as? FileIOError)?.code == FileIO.noSpaceCode, state.reserve?.isHeld == true, spendReserve(after: error) {
                return execute(&plan)
            }
            failPlan(&plan, "\(error)")
            return .failed
        }
    }

    /// Counts a failed attempt and schedules the next one: 1, 2, 4 … 32 s, then every 60 s.
    func failPlan(_ plan: inout Plan, _ reason: String) {
        plan.attempts += 1
        let backoff = plan.attempts - 1 >= 6 ? 60 : Double(1 << max(plan.attempts - 1, 0))
        plan.nextAttempt = clock.now().addingTimeInterval(backoff)
        state.openPlans[plan.entry.planId] = plan
        state.consecutiveFailures += 1
        noteError("delivery of \(plan.entry.key) failed (attempt \(plan.attempts)): \(reason)")
    }

    /// Writes the log file and sidecar through `LogFileWriter` (fsynced unless `journal.fsync` is
    /// `never`), then the notifications; describes the file for the delivery hook.
    private func writeLogFile(_ plan: Plan) throws -> DeliveredLogFile {
        let key = plan.entry.key
        let written = try LogFileWriter.write(
            records: plan.records.map(\.bytes), key: key, settings: settings, lastModified: clock.now(),
            durable: journalSettings.fsync != .never,
            afterStep: { step in
                switch step {
                case .tempFileWritten: try checkCrash(.afterTempFileWritten)
                case .renamed: try checkCrash(.afterRename)
                case .sidecarWritten: try checkCrash(.afterSidecar)
                }
            })
        try notify(key: key, account: plan.entry.account, replayed: plan.replayed)
        let times = plan.records.map(\.eventTime)
        return DeliveredLogFile(
            bucket: settings.bucket.name, key: key, account: plan.entry.account, region: plan.entry.region,
            sha256Hex: written.sha256Hex,
            oldestEventTime: Date(timeIntervalSince1970: Double(times.min() ?? 0)),
            newestEventTime: Date(timeIntervalSince1970: Double(times.max() ?? 0)),
            deliveredAt: plan.entry.deliveredAt, recordCount: plan.records.count, replayed: plan.replayed)
    }
}
