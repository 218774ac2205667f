import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Journal replay at `start()`, on `queue`: rebuilds the pending records and open decisions a
/// previous run left behind.
extension TrailRecorder {
    /// What the journal's entries add up to before anything is re-executed.
    private struct ReplayedEntries {
        var records: [UInt64: PendingRecord] = [:]
        var groups: [UInt64: Group] = [:]
        var plans: [UInt64: (entry: DeliveryPlanEntry, segment: Int)] = [:]
        var doneIds: [UInt64] = []
    }

    /// Opens the journal and restores its state: decisions not journaled done become open plans
    /// (marked `replayed`, to be re-executed under their keys), records no decision claimed become pending.
    func replayJournal() throws(FileIOError) {
        let journal = Journal(directory: journalDirectory, segmentBytes: max(4096, journalSettings.segmentBytes))
        var replayed = try readEntries(of: journal)
        for id in replayed.doneIds {
            guard let plan = replayed.plans.removeValue(forKey: id) else { continue }
            journal.closeOpen(segment: plan.segment)
            for seq in plan.entry.seqs {
                if let record = replayed.records.removeValue(forKey: seq) { journal.closeOpen(segment: record.segment) }
            }
        }
        for id in replayed.plans.keys.sorted() {
            guard let (entry, segment) = replayed.plans[id] else { continue }
            let claimed = entry.seqs.compactMap { replayed.records.removeValue(forKey: $0) }
            if claimed.isEmpty {
                // Only possible after outside damage to older segments: never write an empty file.
                log("journal: delivery \(entry.key) has no readable records; closing it")
                try journal.append(.done, Journal.donePayload(planId: id))
                journal.closeOpen(segment: segment)
                continue
            }
            var plan = Plan(entry: entry, segment: segment, records: claimed)
            plan.entry.seqs = claimed.map(\.seq)
            plan.replayed = true
            state.openPlans[id] = plan
        }
        for seq in replayed.records.keys.sorted() {
            guard let record = replayed.records[seq], let group = replayed.groups[seq] else { continue }
            state.pending[group, default: []].append(record)
        }
        state.journal = journal
        if !state.openPlans.isEmpty || !state.pending.isEmpty {
            let planned = state.openPlans.values.reduce(0) { $0 + $1.records.count }
            log(
                "journal: replaying \(state.openPlans.count) open deliveries and \(pendingCount() - planned) undelivered records"
            )
        }
    }

    /// Reads every entry, marks the segments holding records and decisions open, and continues the numbering.
    private func readEntries(of journal: Journal) throws(FileIOError) -> ReplayedEntries {
        var replayed = ReplayedEntries()
        for (segment, entry) in try journal.open(log: log) {
            switch entry {
            case .record(let record):
                replayed.records[record.seq] = PendingRecord(
                    seq: record.seq, segment: segment, eventTime: record.eventTime, bytes: record.bytes)
                replayed.groups[record.seq] = Group(account: record.account, region: record.region)
                journal.addOpen(segment: segment)
                state.nextSeq = max(state.nextSeq, record.seq + 1)
            case .plan(let plan):
                replayed.plans[plan.planId] = (plan, segment)
                journal.addOpen(segment: segment)
                state.nextPlanId = max(state.nextPlanId, plan.planId + 1)
            case .done(let id):
                replayed.doneIds.append(id)
            }
        }
        return replayed
    }
}
