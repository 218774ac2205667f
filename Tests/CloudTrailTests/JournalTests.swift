import AWSProtocol
import Foundation
import Synchronization
import Testing

@testable import CloudTrail

@Suite struct JournalTests {
    /// Plan keys recorded in the journal on disk, in order.
    static func journaledPlanKeys(_ harness: TrailHarness) throws -> [String] {
        let dir = URL(fileURLWithPath: harness.settings.state.journal)
        var keys: [String] = []
        for name in harness.segmentFiles() {
            let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
            for entry in Journal.decode(bytes).0 { if case .plan(let plan) = entry { keys.append(plan.key) } }
        }
        return keys
    }

    @Test(arguments: TrailRecorder.CrashPoint.allCases)
    func crashDuringDeliveryIsRepairedExactlyOnceUnderTheSameName(_ point: TrailRecorder.CrashPoint) async throws {
        let harness = TrailHarness("crash\(point)")
        let first = harness.makeRecorder(seed: 1)
        try first.start()
        for i in 0..<3 { try await first.record(Fixtures.event(account: "111111111111", table: "a\(i)")) }
        for i in 0..<2 { try await first.record(Fixtures.event(account: "222222222222", table: "b\(i)")) }
        first.armCrash(point)
        harness.clock.advance(by: 300)
        let before = await first.flush()
        #expect(before.isEmpty)  // the first delivery crashed, nothing after it ran
        let decided = try Self.journaledPlanKeys(harness)
        #expect(decided.count == 1)
        await #expect(throws: TrailError.stopped) { try await first.record(Fixtures.event()) }

        harness.clock.advance(by: 3600)
        let second = harness.makeRecorder(seed: 1)  // same seed: a fresh name would collide if one were drawn again
        let hooked = Mutex<[DeliveredLogFile]>([])
        second.onDelivered = { file in hooked.withLock { $0.append(file) } }
        let replayed = try second.start()
        let hookedFiles = hooked.withLock { $0 }
        #expect(hookedFiles.map(\.key) == replayed)
        #expect(hookedFiles.first?.replayed == true && hookedFiles.last?.replayed == false)
        #expect(hookedFiles.first?.deliveredAt == Fixtures.date("2026-01-02T03:09:05Z"))
        #expect(replayed.count == 2)
        #expect(replayed.first == decided.first)  // the decided file keeps its name and minute
        #expect(harness.logKeys() == replayed.sorted())
        let ids = try harness.allEventIDs()
        #expect(ids.count == 5 && Set(ids).count == 5)
        let lines = harness.notificationLines()
        #expect(lines.count == 2 && Set(lines).count == 2)
        #expect(try harness.records(atKey: decided[0]).count == 3)  // account 111111111111 sorts first
        let temp = harness.settings.state.temporary
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: temp)) ?? []).isEmpty)
        #expect(await second.shutdown().isEmpty)
        // A third start finds nothing to do.
        let third = harness.makeRecorder(seed: 3)
        #expect(try third.start().isEmpty)
        #expect(third.health.pendingRecords == 0)
        _ = await third.shutdown()
        #expect(try harness.allEventIDs().count == 5)
    }

    @Test func acknowledgedRecordsSurviveACrashBeforeAnyDelivery() async throws {
        let harness = TrailHarness()
        let first = harness.makeRecorder()
        try first.start()
        for i in 0..<4 { try await first.record(Fixtures.event(table: "t\(i)")) }
        first.simulateCrash()
        let second = harness.makeRecorder(seed: 99)
        #expect(second.health.pendingRecords == 0)
        let keys = try second.start()
        #expect(keys.count == 1)
        #expect(
            try harness.records(atKey: keys[0]).compactMap { $0["requestParameters"]?["tableName"]?.stringValue } == [
                "t0", "t1", "t2", "t3",
            ])
        _ = await second.shutdown()
    }

    @Test func tornTailIsIgnoredAndTruncatedSoLaterEntriesStayReadable() async throws {
        let harness = TrailHarness { _, journal in journal.fsync = .always }
        let first = harness.makeRecorder()
        try first.start()
        try await first.record(Fixtures.event(table: "one"))
        try await first.record(Fixtures.event(table: "two"))
        first.simulateCrash()
        // A torn entry: a length header promising more bytes than were written, then half a body.
        let segment = URL(fileURLWithPath: harness.settings.state.journal).appendingPathComponent(
            try #require(harness.segmentFiles().last))
        let handle = try FileHandle(forWritingTo: segment)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([200, 0, 0, 0, 1, 2, 3, 4, 1, 9, 9, 9]))
        try handle.close()

        let second = harness.makeRecorder(seed: 2)
        second.armCrash(.afterPlanJournaled)  // keep the replay from delivering: crash at its first decision
        #expect(try second.start().isEmpty)
        // The decision written after the repair is readable: the torn bytes were cut off first.
        let decided = try Self.journaledPlanKeys(harness)
        #expect(decided.count == 1)

        let third = harness.makeRecorder(seed: 3)
        let keys = try third.start()
        #expect(keys == decided)
        try await third.record(Fixtures.event(table: "three"))
        third.simulateCrash()
        let fourth = harness.makeRecorder(seed: 4)
        let more = try fourth.start()
        #expect(more.count == 1)
        let tables = try harness.logKeys().flatMap { try harness.records(atKey: $0) }.compactMap {
            $0["requestParameters"]?["tableName"]?.stringValue
        }
        #expect(tables.sorted() == ["one", "three", "two"])
        _ = await fourth.shutdown()
    }

    @Test func decodeStopsAtACorruptEntry() {
        let good = Journal.encode(.done, Journal.donePayload(planId: 1))
        var bad = Journal.encode(.done, Journal.donePayload(planId: 2))
        bad[bad.count - 1] ^= 0xFF
        let (entries, valid) = Journal.decode(good + bad + good)
        #expect(entries.count == 1 && valid == good.count)
        let record = JournaledRecord(seq: 9, eventTime: -5, account: "123", region: "eu-west-1", bytes: Array("{}".utf8))
        guard case .record(let decoded) = Journal.decode(Journal.encode(.record, record.encode())).0.first else {
            Issue.record("record entry did not decode")
            return
        }
        #expect(
            decoded.seq == 9 && decoded.eventTime == -5 && decoded.account == "123" && decoded.region == "eu-west-1"
                && decoded.bytes == Array("{}".utf8))
    }

    @Test func unwritableBucketKeepsRecordsReportsHealthAndCatchesUp() async throws {
        var harness = TrailHarness()
        harness.journal.path = harness.root.appendingPathComponent("journal").path
        // The bucket path is a plain file: every mkdir under it fails with ENOTDIR.
        FileManager.default.createFile(atPath: harness.bucket, contents: Data("x".utf8))
        let recorder = harness.makeRecorder()
        try recorder.start()
        try await recorder.record(Fixtures.event(table: "a"))
        try await recorder.record(Fixtures.event(table: "b"))
        #expect(await recorder.flush().isEmpty)
        try await recorder.record(Fixtures.event(table: "c"))  // still accepted: the journal is elsewhere
        #expect(await recorder.flush().isEmpty)
        var health = recorder.health
        #expect(!health.healthy && health.lastError?.contains("Not a directory") == true)
        #expect(health.pendingRecords == 3 && health.pendingFiles == 1 && health.deliveredFiles == 0)
        #expect(health.consecutiveFailures == 2)

        try FileManager.default.removeItem(atPath: harness.bucket)
        try FileManager.default.createDirectory(atPath: harness.bucket, withIntermediateDirectories: true)
        let keys = await recorder.flush()
        #expect(keys.count == 2)
        health = recorder.health
        #expect(health.healthy && health.pendingRecords == 0 && health.deliveredRecords == 3 && health.lastDeliveryTime != nil)
        let ids = try harness.allEventIDs()
        #expect(ids.count == 3 && Set(ids).count == 3)
        _ = await recorder.shutdown()
    }

    @Test func finishedSegmentsAreCompactedAway() async throws {
        let harness = TrailHarness { _, journal in journal.segmentBytes = 4096 }
        let recorder = harness.makeRecorder()
        try recorder.start()
        for round in 0..<6 {
            for i in 0..<8 { try await recorder.record(Fixtures.event(table: "r\(round)-\(i)")) }
            _ = await recorder.flush()
        }
        #expect(harness.segmentFiles().count <= 2)
        _ = await recorder.shutdown()
        let again = harness.makeRecorder(seed: 5)
        #expect(try again.start().isEmpty)
        _ = await again.shutdown()
        #expect(try harness.allEventIDs().count == 48)
    }

    @Test func retentionArchivesThenDeletesOnlyUnderAWSLogs() async throws {
        let harness = TrailHarness { settings, _ in
            settings.retention.archiveAfterDays = 30
            settings.retention.deleteAfterDays = 90
        }
        let recorder = harness.makeRecorder()
        try recorder.start()
        try await recorder.record(Fixtures.event())
        let key = try #require(await recorder.flush().first)
        let other = URL(fileURLWithPath: harness.bucket).appendingPathComponent("other/keep.txt")
        try FileManager.default.createDirectory(at: other.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: other)
        let sidecar = URL(fileURLWithPath: harness.settings.state.sidecarPath(forKey: key))

        harness.clock.advance(by: 29 * 86_400)
        #expect(await recorder.applyRetention() == RetentionReport())
        harness.clock.advance(by: 2 * 86_400)
        var report = await recorder.applyRetention()
        #expect(report.archived == [key] && report.deleted.isEmpty)
        #expect(try ObjectMetadata.decode([UInt8](Data(contentsOf: sidecar))).storageClass == "GLACIER")
        #expect(await recorder.applyRetention().archived.isEmpty)  // already archived

        harness.clock.advance(by: 60 * 86_400)
        report = await recorder.applyRetention()
        #expect(report.deleted == [key])
        #expect(!FileManager.default.fileExists(atPath: URL(fileURLWithPath: harness.bucket).appendingPathComponent(key).path))
        #expect(!FileManager.default.fileExists(atPath: sidecar.path))
        #expect(FileManager.default.fileExists(atPath: other.path))
        _ = await recorder.shutdown()
    }

    @Test func snsEnvelopeHasTheRealFieldOrderAndAStringMessage() throws {
        let message = TrailNotification.message(bucket: "b", keys: ["AWSLogs/1/k.json.gz"])
        #expect(String(decoding: message, as: UTF8.self) == #"{"s3Bucket":"b","s3ObjectKey":["AWSLogs/1/k.json.gz"]}"#)
        let envelope = try JSONParser.parse(
            TrailNotification.envelope(
                message: message, messageId: "m-1", topicArn: "arn:aws:sns:us-east-1:123456789012:t",
                timestamp: Fixtures.date("2023-12-16T00:21:11Z").addingTimeInterval(0.83)))
        #expect(
            envelope.objectValue?.keys == [
                "Type", "MessageId", "TopicArn", "Message", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL",
                "UnsubscribeURL",
            ])
        #expect(envelope["Message"]?.stringValue == String(decoding: message, as: UTF8.self))
        #expect(envelope["Timestamp"] == "2023-12-16T00:21:11.830Z")
    }
}

@Suite struct TimingAndStressTests {
    @Test func failedDeliveriesBackOffByTheInjectedClock() async throws {
        var harness = TrailHarness()
        harness.journal.path = harness.root.appendingPathComponent("journal").path
        FileManager.default.createFile(atPath: harness.bucket, contents: Data("x".utf8))
        let recorder = harness.makeRecorder()
        try recorder.start()
        try await recorder.record(Fixtures.event())
        #expect(recorder.tick().isEmpty)  // attempt 1 fails; next attempt 1 s later
        #expect(recorder.health.consecutiveFailures == 1)
        try FileManager.default.removeItem(atPath: harness.bucket)
        #expect(recorder.tick().isEmpty)  // not due yet
        #expect(recorder.health.consecutiveFailures == 1)
        harness.clock.advance(by: 1)
        #expect(recorder.tick().count == 1)
        #expect(recorder.health.healthy)
        _ = await recorder.shutdown()
    }

    @Test func theDeliveryTimerDeliversWithoutAFlush() async throws {
        let harness = TrailHarness { settings, _ in settings.deliveryIntervalSeconds = 0.05 }
        let recorder = harness.makeRecorder()
        try recorder.start()
        try await recorder.record(Fixtures.event())
        for _ in 0..<200 where harness.logKeys().isEmpty { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(harness.logKeys().count == 1)
        _ = await recorder.shutdown()
    }

    @Test func eventVersionIsConfigurable() async throws {
        let harness = TrailHarness { settings, _ in settings.eventVersion = "1.08" }
        let recorder = harness.makeRecorder()
        try recorder.start()
        try await recorder.record(Fixtures.event())
        let key = try #require(await recorder.flush().first)
        #expect(try harness.records(atKey: key).first?["eventVersion"] == "1.08")
        _ = await recorder.shutdown()
    }

    /// Many rounds of concurrent records, deliveries and crashes at random points: every
    /// acknowledged record ends up delivered exactly once.
    @Test(arguments: [11, 12, 13] as [UInt64])
    func randomCrashesNeverLoseOrDuplicateAcknowledgedRecords(_ seed: UInt64) async throws {
        let harness = TrailHarness("stress\(seed)") { settings, journal in
            settings.maxRecordsPerFile = 7
            journal.segmentBytes = 4096
        }
        let dice = SeededRandomSource(seed: seed)
        var acknowledged = 0
        for round in 0..<8 {
            let recorder = harness.makeRecorder(seed: seed &* 100 &+ UInt64(round))
            _ = try recorder.start()
            let count = 5 + dice.next(below: 20)
            acknowledged += await withTaskGroup(of: Int.self) { group in
                for i in 0..<count {
                    group.addTask {
                        let account = ["111111111111", "222222222222"][i % 2]
                        let ok = (try? await recorder.record(Fixtures.event(account: account, table: "r\(round)-\(i)"))) != nil
                        return ok ? 1 : 0
                    }
                }
                return await group.reduce(0, +)
            }
            harness.clock.advance(by: 61)
            let points = TrailRecorder.CrashPoint.allCases
            let choice = dice.next(below: points.count + 2)
            if choice < points.count {
                recorder.armCrash(points[choice])
                _ = await recorder.flush()
                // The armed point may not be reached (nothing left to deliver): die here then, as a
                // killed process would, so the next round's recorder can take the journal's lock.
                recorder.simulateCrash()
            } else if choice == points.count {
                recorder.simulateCrash()
            } else {
                _ = await recorder.shutdown()
            }
        }
        let last = harness.makeRecorder(seed: 999)
        _ = try last.start()
        _ = await last.shutdown()
        let ids = try harness.allEventIDs()
        #expect(ids.count == acknowledged)
        #expect(Set(ids).count == ids.count)
        let lines = harness.notificationLines()
        #expect(Set(lines).count == lines.count && lines.count == harness.logKeys().count)
    }
}
