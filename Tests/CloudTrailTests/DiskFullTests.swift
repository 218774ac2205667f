import AWSProtocol
import Foundation
import Testing

@testable import CloudTrail

/// A full disk, simulated with `ENOSPC` through the `FileFault` seam (`SimulatedDisk`): calls are
/// refused before they are performed while the journal's reserve is spent, every acknowledged record
/// is delivered exactly once, delivery makes progress on a disk that stays nearly full, and the
/// recorder takes calls again by itself once there is room.
@Suite(.serialized) struct DiskFullTests {
    /// How one simulated call ended, as the pipeline would answer it.
    enum Outcome: Sendable {
        case acknowledged(String)
        case refused(String)
        case failed(String)
    }

    /// One call as the pipeline makes it: ask the recorder first, then "perform" and record.
    static func call(_ recorder: TrailRecorder, id: String) async -> Outcome {
        if recorder.admissionRefusal() != nil { return .refused(id) }
        do {
            try await recorder.record(Fixtures.event(table: id), eventID: id)
            return .acknowledged(id)
        } catch {
            return .failed(id)
        }
    }

    /// `workers` concurrent callers, each making `calls` calls one after another.
    static func load(_ recorder: TrailRecorder, label: String, workers: Int, calls: Int) async -> [Outcome] {
        await withTaskGroup(of: [Outcome].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var outcomes: [Outcome] = []
                    for index in 0..<calls { outcomes.append(await call(recorder, id: "\(label)-\(worker)-\(index)")) }
                    return outcomes
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
    }

    static func ids(_ outcomes: [Outcome], _ pick: (Outcome) -> String?) -> [String] { outcomes.compactMap(pick).sorted() }

    static func harness(_ label: String = #function, reserve: Int) -> TrailHarness {
        TrailHarness(label) { settings, journal in
            settings.maxRecordsPerFile = 1000
            journal.segmentBytes = 4096
            journal.reserveBytes = reserve
        }
    }

    @Test func aFullDiskRefusesNewCallsAndLosesNoAcknowledgedRecord() async throws {
        let harness = Self.harness(reserve: 64 * 1024)
        let disk = SimulatedDisk(root: harness.root.path)
        disk.install()
        defer { disk.uninstall() }
        let recorder = harness.makeRecorder()
        try recorder.start()
        #expect(recorder.health.reserveHeld && recorder.health.acceptingCalls)
        disk.fill(leaving: 24 * 1024)

        let full = await Self.load(recorder, label: "full", workers: 8, calls: 60)
        let acknowledged = Self.ids(full) { if case .acknowledged(let id) = $0 { id } else { nil } }
        let refused = Self.ids(full) { if case .refused(let id) = $0 { id } else { nil } }
        let failed = Self.ids(full) { if case .failed(let id) = $0 { id } else { nil } }
        #expect(disk.refusedWrites > 0)
        #expect(!acknowledged.isEmpty && !refused.isEmpty)
        #expect(failed.isEmpty, "admitted calls whose record found no room: \(failed)")
        // (A refused call's delivery round may already have won the reserve back: no claim on acceptingCalls.)
        let degraded = recorder.health
        #expect(degraded.refusedCalls == refused.count && degraded.journalFailures >= 1 && degraded.unrecordedCalls == 0)
        #expect(degraded.pendingRecords + degraded.deliveredRecords == acknowledged.count)

        // Space returns: the next delivery round wins the reserve back and calls are taken again.
        disk.setCapacity(nil)
        _ = await recorder.flush()
        let recovered = recorder.health
        #expect(recovered.acceptingCalls && recovered.reserveHeld && recovered.healthy)
        let after = await Self.load(recorder, label: "after", workers: 4, calls: 5)
        let acknowledgedAfter = Self.ids(after) { if case .acknowledged(let id) = $0 { id } else { nil } }
        #expect(acknowledgedAfter.count == 20)
        _ = await recorder.shutdown()

        // Every acknowledged call has exactly one delivered record; no refused call has any.
        let delivered = try harness.allEventIDs().sorted()
        #expect(delivered == (acknowledged + acknowledgedAfter).sorted())
        #expect(Set(delivered).isDisjoint(with: refused))
    }

    @Test func deliveryMakesProgressOnADiskThatStaysNearlyFull() async throws {
        let harness = Self.harness(reserve: 32 * 1024)
        let disk = SimulatedDisk(root: harness.root.path)
        disk.install()
        defer { disk.uninstall() }
        let recorder = harness.makeRecorder()
        try recorder.start()
        disk.fill(leaving: 16 * 1024)
        var acknowledged: [String] = []
        for index in 0..<2000 {
            guard case .acknowledged(let id) = await Self.call(recorder, id: "call-\(index)") else { break }
            acknowledged.append(id)
        }
        #expect(!acknowledged.isEmpty && acknowledged.count < 2000)

        // No space is given back and no flush is asked for: the refused call started a delivery round,
        // which used the spent reserve's room, freed journal segments, and won the reserve back from them.
        let health = recorder.health
        #expect(health.deliveredRecords == acknowledged.count && health.pendingRecords == 0)
        #expect(health.acceptingCalls && health.reserveHeld, "\(health) free \(disk.usedBytes())")
        #expect(harness.segmentFiles().count <= 2)
        _ = await recorder.shutdown()
        #expect(try harness.allEventIDs().sorted() == acknowledged.sorted())
    }

    @Test func healthReportsTheRefusalUntilThereIsRoomAndRecoveryNeedsNoFlush() async throws {
        let harness = Self.harness(reserve: 64 * 1024)
        let disk = SimulatedDisk(root: harness.root.path)
        disk.install()
        defer { disk.uninstall() }
        let recorder = harness.makeRecorder()
        try recorder.start()
        disk.fill(leaving: 0)
        // Admitted while the reserve was held: its record takes the reserve's room and is acknowledged.
        guard case .acknowledged = await Self.call(recorder, id: "admitted") else {
            Issue.record("the call admitted before the disk was found full must be acknowledged")
            return
        }
        guard case .refused = await Self.call(recorder, id: "refused-1") else {
            Issue.record("the reserve is spent: the next call must be refused")
            return
        }
        let degraded = recorder.health
        #expect(!degraded.acceptingCalls && !degraded.reserveHeld && !degraded.healthy && degraded.refusalReason != nil)
        #expect(degraded.refusedCalls == 1 && degraded.journalFailures == 1 && degraded.unrecordedCalls == 0)
        // Delivery made progress with the reserve's room, but there is too little for a new reserve.
        #expect(degraded.deliveredRecords == 1 && degraded.consecutiveFailures == 0)
        guard case .refused = await Self.call(recorder, id: "refused-2") else {
            Issue.record("still no room: calls stay refused")
            return
        }

        // Room returns; the next refused call (paced: one attempt a second) wins the reserve back.
        disk.setCapacity(nil)
        harness.clock.advance(by: TrailAdmission.restoreInterval)
        guard case .refused = await Self.call(recorder, id: "refused-3") else {
            Issue.record("the call that starts the recovery is itself refused")
            return
        }
        let recovered = recorder.health
        #expect(recovered.acceptingCalls && recovered.reserveHeld && recovered.healthy && recovered.refusedCalls == 3)
        guard case .acknowledged = await Self.call(recorder, id: "after") else {
            Issue.record("calls are taken again")
            return
        }
        _ = await recorder.shutdown()
        #expect(try harness.allEventIDs().sorted() == ["admitted", "after"])
    }

    @Test func aCrashWhileTheDiskIsFullLosesNoAcknowledgedRecord() async throws {
        let harness = Self.harness(reserve: 64 * 1024)
        let disk = SimulatedDisk(root: harness.root.path)
        disk.install()
        defer { disk.uninstall() }
        let recorder = harness.makeRecorder()
        try recorder.start()
        disk.fill(leaving: 12 * 1024)
        let full = await Self.load(recorder, label: "crash", workers: 6, calls: 40)
        let acknowledged = Self.ids(full) { if case .acknowledged(let id) = $0 { id } else { nil } }
        #expect(Self.ids(full) { if case .failed(let id) = $0 { id } else { nil } }.isEmpty)
        // kill -9 while full; the next start, with room again, delivers what was acknowledged.
        recorder.simulateCrash()
        disk.setCapacity(nil)
        let restarted = harness.makeRecorder(seed: 8)
        try restarted.start()
        #expect(restarted.health.acceptingCalls)
        _ = await restarted.shutdown()
        #expect(try harness.allEventIDs().sorted() == acknowledged)
    }

    @Test func aReserveThatCannotBeAllocatedAtStartRefusesCallsUntilThereIsRoom() async throws {
        let harness = Self.harness(reserve: 64 * 1024)
        let disk = SimulatedDisk(root: harness.root.path)
        disk.install()
        defer { disk.uninstall() }
        disk.setCapacity(8 * 1024)
        let recorder = harness.makeRecorder()
        try recorder.start()
        #expect(!recorder.health.acceptingCalls && !recorder.health.reserveHeld)
        #expect(recorder.admissionRefusal() != nil)
        disk.setCapacity(nil)
        _ = await recorder.flush()
        #expect(recorder.admissionRefusal() == nil && recorder.health.reserveHeld)
        _ = await recorder.shutdown()
    }

    @Test func aFailingJournalAnswersTheRecordAsFailedNeverAsDurable() async throws {
        // reserveBytes 0: nothing to spend, so the write fails and the record is refused, counted.
        let harness = Self.harness(reserve: 0)
        let disk = SimulatedDisk(root: harness.root.path)
        disk.install()
        defer { disk.uninstall() }
        let recorder = harness.makeRecorder()
        try recorder.start()
        try await recorder.record(Fixtures.event(), eventID: "kept")
        disk.fill(leaving: 0)
        await #expect(throws: TrailError.self) { try await recorder.record(Fixtures.event(), eventID: "lost") }
        var health = recorder.health
        #expect(health.unrecordedCalls == 1 && !health.acceptingCalls && health.journalFailures == 1)
        // A delivery whose decision cannot be journaled is a failed delivery, and health counts it.
        #expect(await recorder.flush().isEmpty)
        health = recorder.health
        #expect(health.consecutiveFailures == 1 && health.journalFailures == 2 && !health.healthy)
        disk.setCapacity(nil)
        #expect(await recorder.flush().count == 1)
        health = recorder.health
        #expect(health.consecutiveFailures == 0 && health.acceptingCalls && health.healthy)
        _ = await recorder.shutdown()
        #expect(try harness.allEventIDs() == ["kept"])
    }
}
