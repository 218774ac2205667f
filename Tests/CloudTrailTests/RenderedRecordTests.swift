import AWSProtocol
import Foundation
import Testing

@testable import CloudTrail

/// One rendering per record: the same bytes reach the log file and the event history, and the
/// recorder and `sample` write files through the same `LogFileWriter`.
@Suite struct RenderedRecordTests {
    static let eventID = "11111111-2222-3333-4444-555555555555"

    static func fileBytes(_ root: String, _ key: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: root).appendingPathComponent(key)))
    }

    @Test func rendersOnceWithTheEventsFacts() {
        var event = Fixtures.event(account: "111122223333", region: "eu-west-1", readOnly: true)
        event.eventTime = Fixtures.date("2026-01-02T03:04:05Z")
        let time = Fixtures.date("2026-01-02T03:04:05Z")
        let rendered = RenderedRecord(event: event, eventID: Self.eventID, eventTime: time, eventVersion: "1.08")
        #expect(rendered.bytes == CloudTrailRecord.bytes(event, eventTime: time, eventID: Self.eventID, eventVersion: "1.08"))
        #expect(rendered.account == "111122223333" && rendered.region == "eu-west-1" && rendered.readOnly)
        #expect(rendered.eventID == Self.eventID && rendered.eventTime == time)
    }

    @Test func theSameBytesLandInTheLogFileAndTheHistory() async throws {
        let harness = TrailHarness()
        let recorder = harness.makeRecorder()
        try recorder.start()
        let history = EventHistory(clock: harness.clock)
        let rendered = RenderedRecord(
            event: Fixtures.event(table: "Music"), eventID: Self.eventID, eventTime: harness.clock.now(),
            eventVersion: harness.settings.eventVersion)
        try await recorder.record(rendered)
        let table = LookupResource(type: "AWS::DynamoDB::Table", name: "Music")
        history.record(rendered, resources: [table])
        let key = try #require(await recorder.flush().first)
        _ = await recorder.shutdown()

        let body = try gunzip(Self.fileBytes(harness.bucket, key))
        #expect(body == LogFileWriter.body([rendered.bytes]))
        let found = history.lookup(HistoryQuery(account: rendered.account, region: rendered.region)).events
        #expect(found.count == 1)
        #expect(found.first?.bytes == rendered.bytes && found.first?.eventID == Self.eventID)
        #expect(found.first?.resources == [table] && found.first?.eventName == "CreateTable")
    }

    @Test func theOldEntryPointsWriteWhatARenderedRecordWrites() async throws {
        var event = Fixtures.event(table: "Music")
        event.eventTime = Fixtures.date("2026-01-02T03:00:00Z")
        let harness = TrailHarness()
        let recorder = harness.makeRecorder()
        try recorder.start()
        try await recorder.record(event, eventID: Self.eventID)
        let key = try #require(await recorder.flush().first)
        _ = await recorder.shutdown()
        let rendered = RenderedRecord(
            event: event, eventID: Self.eventID, eventTime: Fixtures.date("2026-01-02T03:00:00Z"),
            eventVersion: harness.settings.eventVersion)
        #expect(try gunzip(Self.fileBytes(harness.bucket, key)) == LogFileWriter.body([rendered.bytes]))

        let old = EventHistory(clock: harness.clock)
        old.record(event, eventID: Self.eventID, eventTime: rendered.eventTime, bytes: rendered.bytes)
        let new = EventHistory(clock: harness.clock)
        new.record(rendered)
        let query = HistoryQuery(account: rendered.account, region: rendered.region)
        #expect(old.lookup(query) == new.lookup(query))
    }

    @Test func anAccountThatCannotBeAKeySegmentIsRefused() async throws {
        let harness = TrailHarness()
        let recorder = harness.makeRecorder()
        try recorder.start()
        let rendered = RenderedRecord(
            event: Fixtures.event(account: ".."), eventID: Self.eventID, eventTime: harness.clock.now(), eventVersion: "1.11")
        await #expect(throws: TrailError.invalidEvent(#"account ".." cannot be part of an S3 key"#)) {
            try await recorder.record(rendered)
        }
        #expect(recorder.health.pendingRecords == 0)
        _ = await recorder.shutdown()
    }

    @Test func recorderAndSampleWriteByteIdenticalFilesAndSidecars() async throws {
        let harness = TrailHarness()
        let recorder = harness.makeRecorder()
        try recorder.start()
        let records = (0..<3).map { index in
            RenderedRecord(
                event: Fixtures.event(table: "t\(index)"), eventID: "id-\(index)", eventTime: harness.clock.now(),
                eventVersion: harness.settings.eventVersion)
        }
        for record in records { try await recorder.record(record) }
        let key = try #require(await recorder.flush().first)
        _ = await recorder.shutdown()

        var offline = harness.settings
        offline.bucket.path = harness.root.appendingPathComponent("offline").path
        let written = try LogFileWriter.write(
            records: records.map(\.bytes), oldestEventTime: harness.clock.now(), newestEventTime: harness.clock.now(),
            key: key, account: "123456789012", region: "us-east-1", deliveredAt: harness.clock.now(), settings: offline)
        #expect(written.recordCount == 3 && written.sha256Hex == Digest.sha256Hex(LogFileWriter.body(records.map(\.bytes))))
        #expect(try Self.fileBytes(offline.bucket.path, key) == Self.fileBytes(harness.bucket, key))
        let sidecar = "metadata/\(key).json"
        #expect(try Self.fileBytes(offline.state.root, sidecar) == Self.fileBytes(harness.settings.state.root, sidecar))
        for settings in [offline, harness.settings] {
            let temp = settings.state.temporary
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: temp)) ?? []).isEmpty)
        }
    }
}
