import AWSProtocol
import Foundation
import Testing

@testable import CloudTrail

#if canImport(Glibc)
    import Glibc
#endif

/// A real `kill -9`: this test binary is started again as a child that records events as fast as
/// it can (logging each acknowledged one), and is SIGKILLed at a random moment, several times
/// over the same bucket. Afterwards every acknowledged record must be delivered, and no record
/// delivered twice.
@Suite(.serialized) struct KillNineTests {
    static let childDirVariable = "DYNAMOTRAIL_CLOUDTRAIL_CRASH_CHILD"

    static func settings(root: String) -> (TrailSettings, JournalSettings) {
        var settings = TrailSettings()
        settings.bucket.path = root + "/bucket"
        settings.bucket.name = "crash-bucket"
        settings.deliveryIntervalSeconds = 0.01
        settings.maxRecordsPerFile = 5
        settings.notifications.file = root + "/notifications.jsonl"
        var journal = JournalSettings()
        journal.segmentBytes = 8192
        return (settings, journal)
    }

    /// The child's workload; does nothing unless started by the parent test.
    @Test func crashChildWorkload() async throws {
        guard let root = ProcessInfo.processInfo.environment[Self.childDirVariable] else { return }
        let round = ProcessInfo.processInfo.environment["\(Self.childDirVariable)_ROUND"] ?? "0"
        let (settings, journal) = Self.settings(root: root)
        let recorder = TrailRecorder(settings: settings, journal: journal, clock: SystemWallClock(), random: SystemRandomSource())
        try recorder.start()
        let acked = root + "/acked.txt"
        // Watchdog: never outlive a parent that died before killing us.
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 60)
            exit(3)
        }
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var n = 0
                    while true {
                        let name = "r\(round)-w\(worker)-\(n)"
                        n += 1
                        guard (try? await recorder.record(Fixtures.event(table: name))) != nil else { continue }
                        try? FileIO.append(Array("\(name)\n".utf8), to: acked)
                    }
                }
            }
        }
    }

    @Test func sigkillAtRandomMomentsLosesAndDuplicatesNothing() async throws {
        guard ProcessInfo.processInfo.environment[Self.childDirVariable] == nil else { return }
        let root = Fixtures.tempDir().path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let acked = root + "/acked.txt"
        let dice = SeededRandomSource(seed: UInt64(Date().timeIntervalSince1970))
        var ackedBefore = 0
        for round in 0..<4 {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: executable)
            child.arguments = ["--testing-library", "swift-testing", "--filter", "crashChildWorkload"]
            var environment = ProcessInfo.processInfo.environment
            environment[Self.childDirVariable] = root
            environment["\(Self.childDirVariable)_ROUND"] = String(round)
            child.environment = environment
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            // Wait until the child is really recording, then kill it at a random instant.
            for _ in 0..<1000 {
                let count = ((try? String(contentsOfFile: acked, encoding: .utf8)) ?? "").split(separator: "\n").count
                if count > ackedBefore { break }
                try await Task.sleep(nanoseconds: 10_000_000)
            }
            try await Task.sleep(nanoseconds: UInt64(20_000_000 + dice.next(below: 300_000_000)))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(child.terminationReason == .uncaughtSignal)
            ackedBefore = ((try? String(contentsOfFile: acked, encoding: .utf8)) ?? "").split(separator: "\n").count
        }
        let (settings, journal) = Self.settings(root: root)
        let final = TrailRecorder(settings: settings, journal: journal, clock: SystemWallClock(), random: SystemRandomSource())
        try final.start()
        _ = await final.shutdown()

        let ackedNames = ((try? String(contentsOfFile: acked, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        var harness = TrailHarness()
        harness.settings = settings  // read-back helpers only; its own temp dir stays unused
        let delivered = try harness.logKeys().flatMap { try harness.records(atKey: $0) }
            .compactMap { $0["requestParameters"]?["tableName"]?.stringValue }
        #expect(ackedNames.count > 0)
        #expect(Set(delivered).count == delivered.count, "a record was delivered twice")
        let missing = Set(ackedNames).subtracting(delivered)
        #expect(missing.isEmpty, "acknowledged but never delivered: \(missing.sorted().prefix(5))")
        let lines = harness.notificationLines()
        #expect(Set(lines).count == lines.count)
        #expect(final.health.pendingRecords == 0)
    }
}
