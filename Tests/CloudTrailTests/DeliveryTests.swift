import AWSProtocol
import Foundation
import Synchronization
import Testing

@testable import CloudTrail

@Suite struct DeliveryTests {
    @Test func keysFollowTheS3LayoutWithPrefixAndOrganization() {
        let at = Fixtures.date("2015-08-01T02:10:59Z")
        #expect(
            LogFileKey.make(
                prefix: "", organizationId: nil, account: "111122223333", region: "us-east-2", deliveredAt: at, unique: "Mu0KsOhtH1ar15ZZ")
                == "AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz"
        )
        #expect(
            LogFileKey.make(
                prefix: "trail/logs", organizationId: "o-exampleorgid", account: "111122223333", region: "eu-west-1", deliveredAt: at,
                unique: "Mu0KsOhtH1ar15ZZ")
                == "trail/logs/AWSLogs/o-exampleorgid/111122223333/CloudTrail/eu-west-1/2015/08/01/111122223333_CloudTrail_eu-west-1_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz"
        )
        #expect(LogFileKey.root(prefix: "p/", organizationId: nil) == "p/AWSLogs/")
        let unique = LogFileKey.uniqueString(using: SeededRandomSource(seed: 1))
        #expect(unique.count == 16 && unique.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    @Test func flushWritesOneSingleMemberFilePerAccountAndRegionWithSidecarAndNotification() async throws {
        let harness = TrailHarness()
        let recorder = harness.makeRecorder()
        #expect(try recorder.start().isEmpty)
        try await recorder.record(Fixtures.event(account: "111111111111", region: "us-east-1", table: "a"))
        try await recorder.record(Fixtures.event(account: "111111111111", region: "us-east-1", table: "b"))
        try await recorder.record(Fixtures.event(account: "111111111111", region: "eu-west-1", table: "c"))
        try await recorder.record(Fixtures.event(account: "222222222222", region: "us-east-1", table: "d"))
        harness.clock.advance(by: 60)
        let keys = await recorder.flush()
        #expect(keys.count == 3)
        #expect(
            keys
                == harness.logKeys().sorted { a, b in
                    (a.split(separator: "/")[1], a.split(separator: "/")[3]) < (b.split(separator: "/")[1], b.split(separator: "/")[3])
                })
        let pattern =
            /AWSLogs\/(\d{12})\/CloudTrail\/([a-z0-9-]+)\/2026\/01\/02\/(\d{12})_CloudTrail_([a-z0-9-]+)_20260102T0305Z_[A-Za-z0-9]{16}\.json\.gz/
        for key in keys {
            let match = try #require(key.wholeMatch(of: pattern))
            #expect(match.1 == match.3 && match.2 == match.4)
        }
        let first = try harness.records(atKey: keys[0])
        #expect(first.map { $0["requestParameters"]?["tableName"]?.stringValue } == ["c"])
        let second = try harness.records(atKey: keys[1])
        #expect(second.map { $0["requestParameters"]?["tableName"]?.stringValue } == ["a", "b"])
        #expect(second.first?["eventTime"] == "2026-01-02T03:04:05Z")
        // Sidecar.
        let sidecar = try Data(
            contentsOf: URL(fileURLWithPath: harness.settings.state.sidecarPath(forKey: keys[1])))
        let metadata = try ObjectMetadata.decode([UInt8](sidecar))
        #expect(metadata.contentType == "application/json" && metadata.contentEncoding == "gzip")
        #expect(metadata.serverSideEncryption == "AES256" && metadata.sseKMSKeyId == nil && metadata.storageClass == "STANDARD")
        let object = try Data(contentsOf: URL(fileURLWithPath: harness.bucket).appendingPathComponent(keys[1]))
        #expect(metadata.etag == Digest.md5([UInt8](object)).map { String(format: "%02x", $0) }.joined())
        // Notifications: one exact SNS message line per file.
        #expect(harness.notificationLines() == keys.map { #"{"s3Bucket":"test-bucket","s3ObjectKey":["\#($0)"]}"# })
        // The bucket tree holds only the log files; the private state is beside it.
        let top = try FileManager.default.contentsOfDirectory(atPath: harness.bucket).sorted()
        #expect(top == ["AWSLogs"])
        let state = try FileManager.default.contentsOfDirectory(atPath: harness.settings.state.root).sorted()
        #expect(state == ["journal", "metadata", "tmp"])
        #expect(await recorder.shutdown().isEmpty)
        let health = recorder.health
        #expect(health.deliveredFiles == 3 && health.deliveredRecords == 4 && health.pendingRecords == 0 && health.healthy)
    }

    @Test func maxRecordsPerFileDeliversEarlyAndSplitsFiles() async throws {
        let harness = TrailHarness { settings, _ in settings.maxRecordsPerFile = 2 }
        let recorder = harness.makeRecorder()
        try recorder.start()
        for i in 0..<5 { try await recorder.record(Fixtures.event(table: "t\(i)")) }
        #expect(harness.logKeys().count == 2)
        let rest = await recorder.flush()
        #expect(rest.count == 1)
        let counts = try harness.logKeys().map { try harness.records(atKey: $0).count }.sorted()
        #expect(counts == [1, 2, 2])
        _ = await recorder.shutdown()
    }

    @Test(arguments: [TrailSettings.ReadWriteType.all, .readOnly, .writeOnly])
    func readWriteTypeFiltersRecords(_ type: TrailSettings.ReadWriteType) async throws {
        let harness = TrailHarness("filter\(type.rawValue)") { settings, _ in settings.readWriteType = type }
        let recorder = harness.makeRecorder()
        try recorder.start()
        try await recorder.record(Fixtures.event(name: "DescribeTable", readOnly: true))
        try await recorder.record(Fixtures.event(name: "CreateTable", readOnly: false))
        _ = await recorder.flush()
        let names = try harness.logKeys().flatMap { try harness.records(atKey: $0) }.compactMap { $0["eventName"]?.stringValue }
        switch type {
        case .all: #expect(names == ["DescribeTable", "CreateTable"])
        case .readOnly: #expect(names == ["DescribeTable"])
        case .writeOnly: #expect(names == ["CreateTable"])
        }
        _ = await recorder.shutdown()
    }

    @Test func stopLoggingKeepsNothingAndStartLoggingResumes() async throws {
        let harness = TrailHarness()
        let recorder = harness.makeRecorder()
        try recorder.start()
        recorder.setLogging(false)
        try await recorder.record(Fixtures.event(table: "dropped"))
        #expect(recorder.health.isLogging == false)
        recorder.setLogging(true)
        try await recorder.record(Fixtures.event(table: "kept"))
        _ = await recorder.flush()
        let tables = try harness.logKeys().flatMap { try harness.records(atKey: $0) }.compactMap {
            $0["requestParameters"]?["tableName"]?.stringValue
        }
        #expect(tables == ["kept"])
        _ = await recorder.shutdown()
    }

    @Test func recordBeforeStartAndAfterShutdownThrows() async throws {
        let harness = TrailHarness()
        let recorder = harness.makeRecorder()
        await #expect(throws: TrailError.notStarted) { try await recorder.record(Fixtures.event()) }
        try recorder.start()
        _ = await recorder.shutdown()
        await #expect(throws: TrailError.stopped) { try await recorder.record(Fixtures.event()) }
    }

    @Test(arguments: [JournalSettings.FsyncPolicy.never, .batch, .always])
    func concurrentRecordsAllLandOnceUnderEveryFsyncPolicy(_ policy: JournalSettings.FsyncPolicy) async throws {
        let harness = TrailHarness("fsync\(policy.rawValue)") { _, journal in journal.fsync = policy }
        let recorder = harness.makeRecorder()
        try recorder.start()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<60 { group.addTask { try await recorder.record(Fixtures.event(table: "t\(i)")) } }
            try await group.waitForAll()
        }
        _ = await recorder.shutdown()
        let ids = try harness.allEventIDs()
        #expect(ids.count == 60 && Set(ids).count == 60)
    }

    @Test func deliveryHookCarriesHashAndEventTimeRange() async throws {
        let harness = TrailHarness()
        let recorder = harness.makeRecorder()
        let seen = Mutex<[DeliveredLogFile]>([])
        recorder.setDeliveryHandler { file in seen.withLock { $0.append(file) } }
        try recorder.start()
        try await recorder.record(Fixtures.event(table: "a"))
        harness.clock.advance(by: 125)
        try await recorder.record(Fixtures.event(table: "b"))
        let keys = await recorder.flush()
        let files = seen.withLock { $0 }
        let file = try #require(files.first)
        #expect(files.count == 1 && file.key == keys.first && file.recordCount == 2 && !file.replayed)
        let object = try Data(contentsOf: URL(fileURLWithPath: harness.bucket).appendingPathComponent(file.key))
        #expect(file.sha256Hex == Digest.sha256Hex(try gunzip([UInt8](object))))
        #expect(file.oldestEventTime == Fixtures.date("2026-01-02T03:04:05Z"))
        #expect(file.newestEventTime == Fixtures.date("2026-01-02T03:06:10Z"))
        #expect(file.deliveredAt == Fixtures.date("2026-01-02T03:06:10Z") && file.bucket == "test-bucket")
        _ = await recorder.shutdown()
    }

    @Test func kmsEncryptionIsRecordedInTheSidecar() async throws {
        let harness = TrailHarness { settings, _ in
            settings.encryption.type = "aws:kms"
            settings.encryption.kmsKeyId = "arn:aws:kms:us-east-1:123456789012:key/1234"
        }
        let recorder = harness.makeRecorder()
        try recorder.start()
        try await recorder.record(Fixtures.event())
        let key = try #require(await recorder.flush().first)
        let sidecar = try Data(
            contentsOf: URL(fileURLWithPath: harness.settings.state.sidecarPath(forKey: key)))
        let metadata = try ObjectMetadata.decode([UInt8](sidecar))
        #expect(metadata.serverSideEncryption == "aws:kms" && metadata.sseKMSKeyId == "arn:aws:kms:us-east-1:123456789012:key/1234")
        _ = await recorder.shutdown()
    }
}

@Suite struct EdgeTests {
    @Test func unsafeAccountOrRegionIsRefusedBeforeTheJournal() async throws {
        let harness = TrailHarness()
        let recorder = harness.makeRecorder()
        try recorder.start()
        for (account, region) in [("123456789012", "../../etc"), ("", "us-east-1"), ("12/34", "us-east-1"), ("123456789012", "..")] {
            await #expect(throws: TrailError.self) { try await recorder.record(Fixtures.event(account: account, region: region)) }
        }
        #expect(recorder.health.pendingRecords == 0)
        _ = await recorder.shutdown()
    }

    @Test func anUnwritableNotificationsFileDoesNotBlockDelivery() async throws {
        let harness = TrailHarness { settings, _ in settings.notifications.file = "/proc/cloudtrail-cannot-write-here/n.jsonl" }
        let recorder = harness.makeRecorder()
        try recorder.start()
        try await recorder.record(Fixtures.event())
        #expect(await recorder.flush().count == 1)
        let health = recorder.health
        #expect(health.deliveredFiles == 1 && health.lastError == nil && health.lastNotificationError != nil && !health.healthy)
        _ = await recorder.shutdown()
    }
}

@Suite struct StartupTests {
    @Test func startFailsLoudlyWhenTheJournalCannotBeCreated() async throws {
        let harness = TrailHarness()
        // The default journal is in the state directory; a state directory that is a plain file cannot hold it.
        FileManager.default.createFile(atPath: harness.settings.state.root, contents: Data("x".utf8))
        let recorder = harness.makeRecorder()
        #expect(throws: TrailError.self) { try recorder.start() }
        #expect(recorder.health.lastError?.contains("journal") == true)
        await #expect(throws: TrailError.notStarted) { try await recorder.record(Fixtures.event()) }
    }
}
