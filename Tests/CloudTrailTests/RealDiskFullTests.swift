import AWSProtocol
import Foundation
import Testing

@testable import CloudTrail

/// The disk-full guarantee on a real small file system, opt-in: mount one (for example
/// `mount -t tmpfs -o size=16m tmpfs /mnt/small`) and set `DYNAMOTRAIL_TMPFS_DIR=/mnt/small`.
/// Without it the test does nothing; `DiskFullTests` proves the same with a simulated `ENOSPC`.
@Suite(.serialized) struct RealDiskFullTests {
    static let variable = "DYNAMOTRAIL_TMPFS_DIR"

    @Test func aRealFullFileSystemLosesNoAcknowledgedRecord() async throws {
        guard let mount = ProcessInfo.processInfo.environment[Self.variable] else { return }
        let base = URL(fileURLWithPath: mount).appendingPathComponent("dynamotrail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let harness = TrailHarness { settings, journal in
            settings.bucket.path = base.appendingPathComponent("bucket").path
            settings.notifications.file = base.appendingPathComponent("notifications.jsonl").path
            settings.maxRecordsPerFile = 1000
            journal.reserveBytes = 1024 * 1024
        }
        let recorder = harness.makeRecorder()
        try recorder.start()
        #expect(recorder.health.reserveHeld)
        // Fill the file system but 256 KiB.
        let filler = base.appendingPathComponent("filler").path
        let free = try Self.freeBytes(mount)
        _ = FileManager.default.createFile(atPath: filler, contents: Data(count: max(0, free - 256 * 1024)))

        let outcomes = await DiskFullTests.load(recorder, label: "tmpfs", workers: 8, calls: 500)
        let acknowledged = DiskFullTests.ids(outcomes) { if case .acknowledged(let id) = $0 { id } else { nil } }
        let refused = DiskFullTests.ids(outcomes) { if case .refused(let id) = $0 { id } else { nil } }
        #expect(DiskFullTests.ids(outcomes) { if case .failed(let id) = $0 { id } else { nil } }.isEmpty)
        #expect(!refused.isEmpty && !recorder.health.acceptingCalls)

        try FileManager.default.removeItem(atPath: filler)
        _ = await recorder.flush()
        #expect(recorder.health.acceptingCalls)
        _ = await recorder.shutdown()
        #expect(try harness.allEventIDs().sorted() == acknowledged)
    }

    static func freeBytes(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfFileSystem(forPath: path)
        return (attributes[.systemFreeSize] as? NSNumber)?.intValue ?? 0
    }
}
