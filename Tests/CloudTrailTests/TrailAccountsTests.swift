import AWSProtocol
import Foundation
import Testing

@testable import CloudTrail

/// Each account's own trail: its own logging switch, and a digest chain in every region its multi-region
/// trail covers, empty when the region is idle.
@Suite struct TrailAccountsTests {
    static let alice = "123456789012"
    static let bob = "210987654321"

    /// Keys written by a tick, grouped as `account/region`.
    static func chains(_ keys: [String]) -> [String] {
        keys.map { key in
            let parts = key.split(separator: "/")
            let index = parts.firstIndex(of: "CloudTrail-Digest") ?? 1
            return "\(parts[index - 1])/\(parts[index + 1])"
        }.sorted()
    }

    @Test func configuredRegionsGetAnEmptyDigestEveryIntervalAndValidate() async throws {
        let harness = DigestHarness { settings, _ in settings.regions = ["us-east-1", "eu-west-1", "ap-southeast-2"] }
        let (recorder, writer) = try harness.start()
        try await recorder.record(Fixtures.event(account: Self.alice, region: "us-east-1"))
        _ = await recorder.flush()
        harness.clock.advance(by: 60)
        let first = writer.tick()
        #expect(Self.chains(first) == ["\(Self.alice)/ap-southeast-2", "\(Self.alice)/eu-west-1", "\(Self.alice)/us-east-1"])
        for key in first where !key.contains("/us-east-1/") {
            let json = try harness.digest(key).json
            #expect(json["logFiles"] == .array([]))
            #expect(json["newestEventTime"] == .null && json["oldestEventTime"] == .null)
            #expect(json["previousDigestSignature"] == .null)
        }
        harness.clock.advance(by: 60)
        let second = writer.tick()
        #expect(second.count == 3)
        for key in second { #expect(try harness.digest(key).json["previousDigestSignature"] != .null) }
        let report = harness.validate()
        #expect(report.exitCode == 0 && report.validDigests == 6 && report.validLogs == 1)
        _ = await recorder.shutdown()
        _ = await writer.shutdown()
    }

    /// Default regions: the home region plus every region with a delivery, for every account with a chain.
    @Test func defaultRegionsAreTheHomeRegionAndEveryDeliveredRegionForEveryAccount() async throws {
        let harness = DigestHarness()
        let (recorder, writer) = try harness.start()
        try await recorder.record(Fixtures.event(account: Self.alice, region: "eu-west-1"))
        try await recorder.record(Fixtures.event(account: Self.bob, region: "us-west-2"))
        _ = await recorder.flush()
        harness.clock.advance(by: 60)
        let keys = writer.tick()
        #expect(
            Self.chains(keys) == [
                "\(Self.alice)/eu-west-1", "\(Self.alice)/us-east-1", "\(Self.alice)/us-west-2",
                "\(Self.bob)/eu-west-1", "\(Self.bob)/us-east-1", "\(Self.bob)/us-west-2",
            ])
        #expect(keys.allSatisfy { $0.contains("_dynamotrail_us-east-1_") })
        let report = harness.validate()
        #expect(report.exitCode == 0 && report.validDigests == 6 && report.validLogs == 2)
        #expect(
            Set(report.chains.map(\.trailARN)) == [
                "arn:aws:cloudtrail:us-east-1:\(Self.alice):trail/dynamotrail",
                "arn:aws:cloudtrail:us-east-1:\(Self.bob):trail/dynamotrail",
            ])
        _ = await recorder.shutdown()
        _ = await writer.shutdown()
    }

    /// The idle chains live in the digest state: a restart continues them instead of starting new ones.
    @Test func idleChainsSurviveARestart() async throws {
        let harness = DigestHarness { settings, _ in settings.regions = ["us-east-1", "sa-east-1"] }
        var (recorder, writer) = try harness.start()
        try await recorder.record(Fixtures.event(account: Self.alice))
        _ = await recorder.flush()
        harness.clock.advance(by: 60)
        #expect(writer.tick().count == 2)
        _ = await recorder.shutdown()
        _ = await writer.shutdown()
        harness.clock.advance(by: 60)
        (recorder, writer) = try harness.start()
        harness.clock.advance(by: 60)
        let keys = writer.tick()
        #expect(keys.count == 2)
        for key in keys { #expect(try harness.digest(key).json["previousDigestSignature"] != .null) }
        #expect(harness.validate().exitCode == 0)
        _ = await recorder.shutdown()
        _ = await writer.shutdown()
    }

    @Test func stopLoggingOfOneAccountStopsOnlyThatAccountsTrail() async throws {
        let harness = TrailHarness()
        let recorder = harness.makeRecorder()
        try recorder.start()
        let stoppedAt = harness.clock.now()
        recorder.setLogging(false, account: Self.bob)
        try await recorder.record(Fixtures.event(account: Self.alice, table: "kept"))
        try await recorder.record(Fixtures.event(account: Self.bob, table: "dropped"))
        #expect(recorder.loggingStatus(account: Self.alice).isLogging)
        #expect(
            recorder.loggingStatus(account: Self.bob) == TrailLoggingStatus(isLogging: false, startedAt: stoppedAt, stoppedAt: stoppedAt))
        #expect(recorder.health.isLogging == false)
        _ = await recorder.flush()
        let keys = harness.logKeys()
        #expect(keys.count == 1 && keys.allSatisfy { $0.hasPrefix("AWSLogs/\(Self.alice)/") })
        recorder.setLogging(true, account: Self.bob)
        #expect(recorder.health.isLogging)
        _ = await recorder.shutdown()
    }

    /// Without an account (the organization trail), every account's recording stops and starts.
    @Test func stopLoggingOfTheOrganizationTrailStopsEveryAccount() async throws {
        let harness = TrailHarness()
        let recorder = harness.makeRecorder()
        try recorder.start()
        recorder.setLogging(false, account: Self.bob)
        recorder.setLogging(false)
        try await recorder.record(Fixtures.event(account: Self.alice))
        try await recorder.record(Fixtures.event(account: Self.bob))
        #expect(await recorder.flush().isEmpty)
        recorder.setLogging(true)
        #expect(recorder.loggingStatus(account: Self.alice).isLogging && recorder.loggingStatus(account: Self.bob).isLogging)
        _ = await recorder.shutdown()
    }

    /// `sample`'s offline chains: every account gets every covered region, over the same windows.
    @Test func offlineChainsCoverIdleRegionsOverTheSameWindows() throws {
        let harness = DigestHarness()
        let store = harness.makeKeyStore()
        _ = store.load()
        let start = Fixtures.date("2026-01-01T00:00:00Z")
        func file(_ account: String, _ region: String, _ minutes: Double) -> DeliveredLogFile {
            let at = start.addingTimeInterval(minutes * 60)
            let key = LogFileKey.make(
                prefix: "", organizationId: nil, account: account, region: region, deliveredAt: at, unique: "AAAAAAAAAAAAAAAA")
            let body = Array(#"{"Records":[]}"#.utf8)
            let path = URL(fileURLWithPath: harness.bucket).appendingPathComponent(key)
            try? FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data((try? Gzip.compress(body)) ?? []).write(to: path)
            return DeliveredLogFile(
                bucket: harness.trail.settings.bucket.name, key: key, account: account, region: region,
                sha256Hex: Digest.sha256Hex(body), oldestEventTime: at, newestEventTime: at, deliveredAt: at, recordCount: 0,
                replayed: false)
        }
        let files = [file(Self.alice, "us-east-1", 5), file(Self.bob, "eu-west-1", 125)]
        let keys = try DigestChain.write(
            files: files, settings: harness.trail.settings, keyStore: store, regions: ["us-east-1", "eu-west-1"])
        // 2 accounts × 2 regions × 3 hourly windows (00-01, 01-02, 02-03).
        #expect(keys.count == 12)
        #expect(Set(Self.chains(keys)).count == 4)
        let report = harness.validate()
        #expect(report.exitCode == 0 && report.validDigests == 12 && report.validLogs == 2, "\(report)")
    }
}
