import AWSProtocol
import Foundation
import Testing

@testable import CloudTrail

/// A recorder over a fresh temp bucket, with helpers to read back what it delivered.
struct TrailHarness {
    /// Removes the directory when the last copy of the harness goes away: at the end of the test,
    /// whether it returns or throws.
    final class Cleanup: Sendable {
        let url: URL
        init(_ url: URL) { self.url = url }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    let root: URL
    private let cleanup: Cleanup
    var settings = TrailSettings()
    var journal = JournalSettings()
    let clock = ManualWallClock(Fixtures.date("2026-01-02T03:04:05Z"))

    init(_ label: String = #function, configure: (inout TrailSettings, inout JournalSettings) -> Void = { _, _ in }) {
        root = Fixtures.tempDir(label)
        cleanup = Cleanup(root)
        settings.bucket.path = root.appendingPathComponent("bucket").path
        settings.bucket.name = "test-bucket"
        settings.deliveryIntervalSeconds = 3600
        settings.notifications.file = root.appendingPathComponent("notifications.jsonl").path
        configure(&settings, &journal)
    }

    func makeRecorder(seed: UInt64 = 7) -> TrailRecorder {
        TrailRecorder(
            settings: settings, journal: journal, clock: clock, random: SeededRandomSource(seed: seed),
            webhookTransport: httpTransport)
    }

    var bucket: String { settings.bucket.path }

    /// Every delivered log key (bucket-relative) under AWSLogs/, sorted.
    func logKeys() -> [String] {
        let base = URL(fileURLWithPath: bucket).appendingPathComponent("AWSLogs").path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var keys: [String] = []
        while let path = walker.nextObject() as? String {
            if path.hasSuffix(".json.gz") { keys.append("AWSLogs/" + path) }
        }
        return keys.sorted()
    }

    func records(atKey key: String) throws -> [JSONValue] {
        let data = try Data(contentsOf: URL(fileURLWithPath: bucket).appendingPathComponent(key))
        let body = try gunzip([UInt8](data))
        let value = try JSONParser.parse(body)
        #expect(value.objectValue?.keys == ["Records"])
        return value["Records"]?.arrayValue ?? []
    }

    /// eventIDs over every delivered file, with repeats.
    func allEventIDs() throws -> [String] {
        try logKeys().flatMap { try records(atKey: $0) }.compactMap { $0["eventID"]?.stringValue }
    }

    func notificationLines() -> [String] {
        guard let text = try? String(contentsOfFile: settings.notifications.file ?? "", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    func segmentFiles() -> [String] {
        let dir = journal.path ?? settings.state.journal
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".jnl") }.sorted()
    }
}
