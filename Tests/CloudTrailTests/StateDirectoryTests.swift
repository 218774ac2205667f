import AWSProtocol
import Foundation
import Synchronization
import Testing

@testable import CloudTrail

#if canImport(Glibc)
    import Glibc
#endif

/// The private state lives beside the bucket, never inside it: the bucket holds only `AWSLogs/…`
/// objects, the keys are private, an old `<bucket>/.dynamotrail/` is moved out on start without
/// losing a record or breaking the digest chain, and a state directory on another file system
/// (EXDEV, simulated through `FileFault`) still gets whole files renamed into the bucket.
@Suite(.serialized) struct StateDirectoryTests {
    /// Every path below `root`, relative, files only (`find root -type f`).
    static func files(_ root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? -1
    }

    @Test func theDefaultIsASiblingOfTheBucketAndPlacementIsChecked() throws {
        #expect(StateDirectory.besideBucket("./bucket").root == "./bucket-state")
        #expect(StateDirectory.besideBucket("/data/logs/").root == "/data/logs-state")
        let cwd = FileManager.default.currentDirectoryPath
        #expect(StateDirectory.besideBucket(".").root == cwd + "-state")
        #expect(StateDirectory.placementProblem(state: "/data/b/state", bucket: "/data/b")?.contains("inside the bucket") == true)
        #expect(StateDirectory.placementProblem(state: "/data", bucket: "/data/b")?.contains("holds the bucket") == true)
        #expect(StateDirectory.placementProblem(state: "/data/b/", bucket: "/data/./b")?.contains("itself") == true)
        #expect(StateDirectory.placementProblem(state: "/data/b-state", bucket: "/data/b") == nil)
        // A symbolic link to the bucket is the bucket.
        let root = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let bucket = root.appendingPathComponent("bucket")
        try FileManager.default.createDirectory(at: bucket, withIntermediateDirectories: true)
        let link = root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: bucket)
        #expect(StateDirectory.placementProblem(state: link.path + "/state", bucket: bucket.path) != nil)
    }

    @Test func aRunLeavesOnlyAWSLogsObjectsInTheBucketAndPrivateKeys() async throws {
        let harness = DigestHarness()
        let (recorder, writer) = try harness.start()
        for index in 0..<3 { try await recorder.record(Fixtures.event(table: "t\(index)")) }
        _ = await recorder.flush()
        harness.clock.advance(by: 60)
        #expect(writer.tick().count == 1)
        _ = await recorder.shutdown()
        _ = await writer.shutdown()
        let objects = Self.files(harness.bucket)
        #expect(!objects.isEmpty && objects.allSatisfy { $0.hasPrefix("AWSLogs/123456789012/CloudTrail") })
        let state = harness.trail.settings.state
        #expect(state.root == harness.bucket + "-state")
        #expect(Self.mode(state.keys) == 0o700)
        let keys = try FileManager.default.contentsOfDirectory(atPath: state.keys).filter { $0.hasSuffix(".pem") }
        #expect(keys.count == 1 && keys.allSatisfy { Self.mode(state.keys + "/" + $0) == 0o600 })
        for key in objects { #expect(FileManager.default.fileExists(atPath: state.sidecarPath(forKey: key))) }
        #expect(harness.validate().exitCode == 0)
    }

    @Test func anOldLayoutIsMigratedWithoutLosingARecordAndTheChainContinues() async throws {
        var harness = DigestHarness()
        let bucket = harness.bucket
        // The old layout: everything under <bucket>/.dynamotrail, whose folders have the state directory's names.
        harness.trail.settings.stateDirectory = StateDirectory.legacyFolder(bucketPath: bucket)
        var (recorder, writer) = try harness.start()
        for index in 0..<3 { try await recorder.record(Fixtures.event(table: "old\(index)")) }
        _ = await recorder.flush()
        harness.clock.advance(by: 60)
        #expect(writer.tick().count == 1)
        // Two acknowledged records never delivered: the process dies.
        for index in 0..<2 { try await recorder.record(Fixtures.event(table: "pending\(index)")) }
        recorder.simulateCrash()
        writer.simulateCrash()
        #expect(Self.files(bucket).contains { $0.hasPrefix(".dynamotrail/journal/") })
        let oldKeys = try FileManager.default.contentsOfDirectory(atPath: bucket + "/.dynamotrail/keys").sorted()

        harness.trail.settings.stateDirectory = nil
        let state = harness.trail.settings.state
        let lines = try StateMigration.run(settings: harness.trail.settings, journalDirectory: state.journal)
        #expect(lines.contains { $0.contains("removed the old state folder") })
        #expect(lines.contains { $0.contains("to \(state.journal)") } && lines.contains { $0.contains("to \(state.keys)") })
        #expect(!FileManager.default.fileExists(atPath: bucket + "/.dynamotrail"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: state.keys).sorted() == oldKeys)

        harness.clock.advance(by: 600)
        (recorder, writer) = try harness.start(seed: 8)
        try await recorder.record(Fixtures.event(table: "new"))
        _ = await recorder.flush()
        harness.clock.advance(by: 60)
        _ = writer.tick()
        _ = await recorder.shutdown()
        _ = await writer.shutdown()

        let tables = try harness.trail.logKeys().filter { $0.contains("/CloudTrail/") }.flatMap { try harness.trail.records(atKey: $0) }
            .compactMap { $0["requestParameters"]?["tableName"]?.stringValue }
        #expect(tables.sorted() == ["new", "old0", "old1", "old2", "pending0", "pending1"])
        #expect(Self.files(bucket).allSatisfy { $0.hasPrefix("AWSLogs/") })
        #expect(Self.mode(state.keys) == 0o700)
        #expect(oldKeys.filter { $0.hasSuffix(".pem") }.allSatisfy { Self.mode(state.keys + "/" + $0) == 0o600 })
        // One chain across the move: the first digest after it points at the last one before it.
        let report = harness.validate()
        #expect(report.exitCode == 0 && report.invalidDigests == 0 && report.validDigests >= 2, "\(report)")
        #expect(report.validLogs == harness.trail.logKeys().filter { $0.contains("/CloudTrail/") }.count)
    }

    @Test func aStateDirectoryOnAnotherFileSystemStillRenamesWholeFilesIntoTheBucket() async throws {
        let harness = DigestHarness()
        let bucket = harness.bucket
        // Every rename into this bucket (and every move of the migration) fails as across file systems.
        let refused = Mutex(0)
        let fault = FileFault.install { change in
            guard change.kind == .rename, change.path.hasPrefix(bucket + "/") else { return nil }
            refused.withLock { $0 += 1 }
            return EXDEV
        }
        defer { FileFault.remove(fault) }
        let (recorder, writer) = try harness.start()
        try await recorder.record(Fixtures.event())
        #expect(await recorder.flush().count == 1)
        harness.clock.advance(by: 60)
        #expect(writer.tick().count == 1)
        _ = await recorder.shutdown()
        _ = await writer.shutdown()
        let objects = Self.files(bucket)
        #expect(objects.count >= 2 && objects.allSatisfy { $0.hasPrefix("AWSLogs/") && !$0.contains(".dynamotrail-tmp.") })
        #expect(refused.withLock { $0 } == objects.count)  // every object went through the fallback
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: harness.trail.settings.state.temporary)) ?? []).isEmpty)
        #expect(harness.validate().exitCode == 0)
        // A hidden temp file left by a crash between the copy and its rename is removed on start.
        let folder = FileManager.default.enumerator(atPath: bucket)?.allObjects.compactMap { $0 as? String }
            .first { $0.hasSuffix(".json.gz") }.map { bucket + "/" + ($0 as NSString).deletingLastPathComponent }
        let leftover = try #require(folder) + "/" + StateDirectory.fallbackTempPrefix + "x.json.gz"
        FileManager.default.createFile(atPath: leftover, contents: Data("half".utf8))
        let lines = try StateMigration.run(settings: harness.trail.settings, journalDirectory: harness.trail.settings.state.journal)
        #expect(lines == ["removed 1 unfinished temp file(s) from the bucket"])
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }

    @Test func aMigrationAcrossFileSystemsCopiesAndKeepsModes() async throws {
        let root = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        var settings = TrailSettings()
        settings.bucket.path = root.appendingPathComponent("bucket").path
        settings.stateDirectory = root.appendingPathComponent("elsewhere").path
        let legacy = StateDirectory.legacyFolder(bucketPath: settings.bucket.path)
        try FileManager.default.createDirectory(atPath: legacy + "/keys", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: legacy + "/metadata/AWSLogs/1", withIntermediateDirectories: true)
        FileManager.default.createFile(
            atPath: legacy + "/keys/k.pem", contents: Data("private".utf8), attributes: [.posixPermissions: 0o644])
        FileManager.default.createFile(atPath: legacy + "/metadata/AWSLogs/1/a.json.gz.json", contents: Data("{}".utf8))
        let state = settings.state.root
        let fault = FileFault.install { change in change.kind == .rename && change.path.hasPrefix(state + "/") ? EXDEV : nil }
        defer { FileFault.remove(fault) }
        _ = try StateMigration.run(settings: settings, journalDirectory: settings.state.journal)
        #expect(Self.files(state) == ["keys/k.pem", "metadata/AWSLogs/1/a.json.gz.json"])
        #expect(Self.mode(state + "/keys/k.pem") == 0o600 && Self.mode(state + "/keys") == 0o700)
        #expect(!FileManager.default.fileExists(atPath: legacy))
    }

    @Test func twoJournalsAreNotMergedWithoutAnInterruptedMove() throws {
        let root = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        var settings = TrailSettings()
        settings.bucket.path = root.appendingPathComponent("bucket").path
        let legacy = StateDirectory.legacyFolder(bucketPath: settings.bucket.path)
        for directory in [legacy + "/journal", settings.state.journal] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: directory + "/000001.jnl", contents: Data(directory.utf8))
        }
        #expect(throws: StateMigrationError.self) {
            try StateMigration.run(settings: settings, journalDirectory: settings.state.journal)
        }
        #expect(FileManager.default.fileExists(atPath: legacy + "/journal/000001.jnl"))
    }
}
