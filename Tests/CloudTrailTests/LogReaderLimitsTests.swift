import AWSProtocol
import Foundation
import Testing

@testable import CloudTrail

/// Whatever the writer produces the readers read, and a bad record costs only itself: the shared
/// `JSONLimits`, record-level skipping in `LogReader` and the history refill.
@Suite struct LogReaderLimitsTests {
    /// `{"x":{"x":…{}…}}` with `depth` levels of objects.
    static func nested(depth: Int) -> String {
        String(repeating: #"{"x":"#, count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)
    }

    /// A record of `name` with `extra` spliced in as its last member (a hand-made bad record).
    static func record(_ name: String, extra: String) -> String {
        var text = LogReaderTests.record(name, time: "2026-03-01T00:00:00Z")
        text.removeLast()
        return text + #","extra":"# + extra + "}"
    }

    static let day = "2026/03/01"
    static let stamp = "20260301T0005Z"

    /// One file with a too-deep record, a number and a string among good ones; one truncated file.
    static func fillBadBucket(_ root: URL) throws -> (mixed: String, truncated: String) {
        let good = { (name: String) in LogReaderTests.record(name, time: "2026-03-01T00:00:00Z") }
        let tooDeep = record("TooDeep", extra: nested(depth: JSONLimits.maximumDepth))
        let mixed = LogReaderTests.key(day: day, stamp: stamp)
        try LogReaderTests.write(root, mixed, #"{"Records":[\#(good("A")),\#(tooDeep),42,"text",\#(good("B"))]}"#)
        let truncated = LogReaderTests.key(day: day, stamp: stamp, unique: "TTTTTTTTTTTTTTTT")
        let whole = #"{"Records":[\#(good("C")),\#(good("D"))]}"#
        try LogReaderTests.write(root, truncated, String(whole.prefix(whole.count - 40)))
        return (mixed, truncated)
    }

    @Test func aBadRecordIsSkippedWithItsFileAndIndexAndTheOthersAreRead() throws {
        let root = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let (mixed, truncated) = try Self.fillBadBucket(root)
        var names: [String] = []
        var problems: [LogReaderError] = []
        LogReader(bucketRoot: root.path).forEachRecord(onError: { problems.append($0) }) {
            names.append($0.value["eventName"]?.stringValue ?? "?")
        }
        #expect(names == ["A", "B", "C"])
        let skipped = problems.compactMap { problem -> String? in
            guard case .skippedRecord(let key, let index, _) = problem else { return nil }
            return "\(key == mixed ? "mixed" : key == truncated ? "truncated" : key)#\(index)"
        }
        #expect(skipped == ["mixed#1", "mixed#2", "mixed#3", "truncated#1"])
        #expect(problems.first?.description.contains("record 1 skipped: not JSON") == true)
        #expect(problems.first?.description.hasPrefix(mixed) == true)
    }

    @Test func theHistoryRefillSkipsABadRecordNotItsFile() throws {
        let root = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Self.fillBadBucket(root)
        let history = EventHistory(clock: ManualWallClock(Fixtures.date("2026-03-02T00:00:00Z")))
        var problems: [LogReaderError] = []
        let loaded = history.load(from: LogReader(bucketRoot: root.path), resources: { _ in [] }, onSkipped: { problems.append($0) })
        #expect(loaded == 3)
        #expect(problems.count == 4)
        let page = history.lookup(HistoryQuery(account: "123456789012", region: "us-east-1"))
        #expect(Set(page.events.map(\.eventID)) == ["id-A", "id-B", "id-C"])
    }

    /// A record whose request is as deep as a request may be, inside a whole log file.
    static func fileBody(requestDepth: Int) throws -> (file: [UInt8], record: JSONValue) {
        var event = Fixtures.event(name: "CreateTable")
        event.requestParameters = try JSONParser.parse(nested(depth: requestDepth))
        let bytes = CloudTrailRecord.bytes(event, eventTime: Fixtures.date("2026-03-01T00:00:00Z"), eventID: "deep")
        return (Array(#"{"Records":["#.utf8) + bytes + Array("]}".utf8), try JSONParser.parse(bytes))
    }

    @Test func theDeepestAcceptedRequestGivesARecordEveryReaderReads() throws {
        #expect(JSONLimits.maximumRequestDepth == 509)
        let deepest = try JSONParser.parseRequest(Array(Self.nested(depth: JSONLimits.maximumRequestDepth).utf8))
        #expect(deepest.nestingDepth == JSONLimits.maximumRequestDepth)
        #expect(throws: JSONParseError.self) {
            try JSONParser.parseRequest(Array(Self.nested(depth: JSONLimits.maximumRequestDepth + 1).utf8))
        }
        let (file, record) = try Self.fileBody(requestDepth: JSONLimits.maximumRequestDepth)
        // The whole file, parsed at once as external tools do, is exactly at the readers' limit.
        #expect(try JSONParser.parse(file).nestingDepth == JSONLimits.maximumDepth)
        #expect(record["requestParameters"]?.nestingDepth == JSONLimits.maximumRequestDepth)
    }

    @Test func theWriterOmitsParametersDeeperThanARequestMayBe() throws {
        let (file, record) = try Self.fileBody(requestDepth: JSONLimits.maximumRequestDepth + 1)
        #expect(record["requestParameters"] == .null)
        #expect(try JSONParser.parse(file).nestingDepth < 10)
    }
}
