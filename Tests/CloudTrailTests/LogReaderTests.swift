import AWSProtocol
import Foundation
import Testing

@testable import CloudTrail

@Suite struct LogReaderTests {
    /// Writes `body` gzipped under `key` in `root`.
    static func write(_ root: URL, _ key: String, _ body: String) throws {
        let url = root.appendingPathComponent(key)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(Gzip.compress(Array(body.utf8))).write(to: url)
    }

    static func record(
        _ name: String, account: String = "123456789012", region: String = "us-east-1", time: String = "2026-01-02T03:04:05Z",
        identity: CallerIdentity = Fixtures.iamUser, readOnly: Bool = false, error: String? = nil
    ) -> String {
        var context = Fixtures.context(identity, account: account, region: region)
        context.receivedAt = Fixtures.date(time)
        var event = CloudTrailEvent(
            context: context, eventSource: "dynamodb.amazonaws.com", eventName: name, readOnly: readOnly,
            apiVersion: "2012-08-10", recipientAccountId: account)
        event.errorCode = error
        return String(
            decoding: CloudTrailRecord.bytes(event, eventTime: Fixtures.date(time), eventID: "id-\(name)"), as: UTF8.self)
    }

    static func key(
        account: String = "123456789012", region: String = "us-east-1", day: String = "2026/01/02", stamp: String = "20260102T0305Z",
        unique: String = "AAAAAAAAAAAAAAAA"
    ) -> String {
        "AWSLogs/\(account)/CloudTrail/\(region)/\(day)/\(account)_CloudTrail_\(region)_\(stamp)_\(unique).json.gz"
    }

    /// A bucket with two accounts, two regions, two days, a digest, a sidecar folder and a stray file.
    static func fillSampleBucket(_ root: URL) throws {
        try write(root, key(), #"{"Records":[\#(record("CreateTable")),\#(record("DescribeTable", readOnly: true))]}"#)
        try write(
            root, key(day: "2026/01/03", stamp: "20260103T0000Z"),
            #"{"Records":[\#(record("DeleteTable", time: "2026-01-02T23:59:59Z", error: "ResourceNotFoundException"))]}"#)
        try write(
            root, key(region: "eu-west-1"),
            #"{"Records":[\#(record("ListTables", region: "eu-west-1", identity: Fixtures.assumedRole, readOnly: true))]}"#)
        try write(
            root, key(account: "210987654321"),
            #"{"Records":[\#(record("UpdateTable", account: "210987654321", identity: Fixtures.federated))]}"#)
        try write(
            root,
            "AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2026/01/02/123456789012_CloudTrail-Digest_us-east-1_dynamotrail_us-east-1_20260102T030500Z.json.gz",
            #"{"logFiles":[]}"#)
        try write(root, ".dynamotrail/tmp/x.json.gz", #"{"Records":[]}"#)
        try write(root, "AWSLogs/123456789012/CloudTrail/us-east-1/2026/01/02/notes.txt", "hello")
    }

    static func names(_ reader: LogReader, _ filter: LogRecordFilter = LogRecordFilter(), limit: Int? = nil) -> [String] {
        var names: [String] = []
        reader.forEachRecord(filter, limit: limit) { names.append($0.value["eventName"]?.stringValue ?? "?") }
        return names
    }

    @Test func walksLogFilesInOrderSkippingDigestsAndPrivateState() throws {
        let root = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.fillSampleBucket(root)
        let reader = LogReader(bucketRoot: root.path)
        var keys: [String] = []
        reader.forEachLogFile {
            keys.append($0)
            return true
        }
        #expect(
            keys
                == [
                    Self.key(account: "123456789012", region: "eu-west-1"), Self.key(),
                    Self.key(day: "2026/01/03", stamp: "20260103T0000Z"), Self.key(account: "210987654321"),
                ].sorted())
        #expect(Self.names(reader) == ["ListTables", "CreateTable", "DescribeTable", "DeleteTable", "UpdateTable"])
    }

    @Test func recordsKeepTheirDeliveredBytes() throws {
        let root = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        // Pretty-printed, Records not first, strings with brackets, braces and escaped quotes.
        let tricky =
            #"{ "eventName" : "A", "note": "} ] [ {\" \\", "nested": {"a": [1, {"b": "]"}]}, "eventTime": "2026-01-02T03:04:05Z" }"#
        let body = "{\n  \"Other\": [1, 2, {\"Records\": 3}],\n  \"Records\" : [ \(tricky) ,\n {\"eventName\":\"B\"} ]\n}"
        try Self.write(root, Self.key(), body)
        let reader = LogReader(bucketRoot: root.path)
        let records = try reader.records(inFile: Self.key()).get()
        #expect(records.map { String(decoding: $0.bytes, as: UTF8.self) } == [tricky, #"{"eventName":"B"}"#])
        #expect(records[0].value["note"] == .string(#"} ] [ {" \"#))
        #expect(records[0].key == Self.key())
    }

    @Test func splitterRejectsWhatIsNotALogFile() {
        for body in ["", "[]", #"{"Records":{}}"#, #"{"Records":[1,2]"#, #"{"Other":1}"#] {
            #expect(LogRecordSplitter.records(in: Array(body.utf8)) == nil, "\(body)")
        }
        #expect(LogRecordSplitter.records(in: Array(#"{"Records":[]}"#.utf8)).map { $0.ranges } == [])
        #expect(LogRecordSplitter.records(in: Array(#"{"Records": "x"}"#.utf8)).map { $0.ranges } == nil)
    }

    @Test func splitterKeepsTheCompleteRecordsOfATruncatedFile() throws {
        let framing = try #require(LogRecordSplitter.records(in: Array(#"{"Records":[{"a":1},{"b":[2"#.utf8)))
        #expect(framing.ranges == [12..<19])
        #expect(framing.isTruncated)
    }

    @Test func reportsBrokenFilesAndGoesOn() throws {
        let root = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.fillSampleBucket(root)
        let broken = Self.key(unique: "BBBBBBBBBBBBBBBB")
        try Data("not gzip".utf8).write(to: root.appendingPathComponent(broken))
        let notJSON = Self.key(unique: "CCCCCCCCCCCCCCCC")
        try Self.write(root, notJSON, "{\"Records\":[not json]}")
        let notFramed = Self.key(unique: "DDDDDDDDDDDDDDDD")
        try Self.write(root, notFramed, "[\"Records\"]")
        var errors: [LogReaderError] = []
        var names: [String] = []
        let report = { (error: LogReaderError) in errors.append(error) }
        LogReader(bucketRoot: root.path).forEachRecord(onError: report) {
            names.append($0.value["eventName"]?.stringValue ?? "?")
        }
        #expect(names.count == 5)
        #expect(errors.count == 4)
        #expect(errors.contains { if case .notGzip(let key, _) = $0 { key == broken } else { false } })
        #expect(errors.contains(.notCloudTrailJSON(key: notFramed)))
        let skipped = errors.compactMap { if case .skippedRecord(let key, let index, _) = $0 { "\(key)#\(index)" } else { nil } }
        #expect(skipped == ["\(notJSON)#0", "\(notJSON)#1"])
    }

    @Test func filters() throws {
        let root = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.fillSampleBucket(root)
        let reader = LogReader(bucketRoot: root.path)
        func names(_ edit: (inout LogRecordFilter) -> Void) -> [String] {
            var filter = LogRecordFilter()
            edit(&filter)
            return Self.names(reader, filter)
        }
        #expect(names { $0.account = "210987654321" } == ["UpdateTable"])
        #expect(names { $0.region = "eu-west-1" } == ["ListTables"])
        #expect(names { $0.eventName = "DeleteTable" } == ["DeleteTable"])
        #expect(names { $0.readOnlyOnly = true } == ["ListTables", "DescribeTable"])
        #expect(names { $0.errorsOnly = true } == ["DeleteTable"])
        #expect(names { $0.accessKeyId = "ASIAEXAMPLEFEDERATED" } == ["UpdateTable"])
        #expect(names { $0.user = "HoneyUser" } == ["CreateTable", "DescribeTable", "DeleteTable"])
        #expect(names { $0.user = "arn:aws:iam::123456789010:user/HoneyUser" }.count == 3)
        #expect(names { $0.user = "bob" } == ["ListTables", "UpdateTable"])  // session and federated names
        #expect(names { $0.user = "arn:aws:iam::444455556666:role/admin-role" } == ["ListTables"])  // issuer ARN
        #expect(names { $0.startTime = Fixtures.date("2026-01-02T23:00:00Z") } == ["DeleteTable"])
        #expect(names { $0.endTime = Fixtures.date("2026-01-02T03:04:05Z") }.count == 4)
        #expect(names { $0.endTime = Fixtures.date("2026-01-02T03:04:04Z") }.isEmpty)
        #expect(Self.names(reader, limit: 2) == ["ListTables", "CreateTable"])
        #expect(Self.names(reader, limit: 0).isEmpty)
    }

    @Test func prunesFoldersBeforeTheStartDayAndOtherAccountsOrRegions() {
        var filter = LogRecordFilter()
        filter.startTime = Fixtures.date("2026-02-10T12:00:00Z")
        filter.account = "123456789012"
        filter.region = "us-east-1"
        let base = ["AWSLogs", "123456789012", "CloudTrail", "us-east-1"]
        #expect(LogReader.mayHoldLogs(["AWSLogs"], filter: filter))
        #expect(!LogReader.mayHoldLogs(["AWSLogs", "123456789012", "CloudTrail-Digest"], filter: filter))
        #expect(!LogReader.mayHoldLogs(["AWSLogs", "999999999999", "CloudTrail"], filter: filter))
        #expect(!LogReader.mayHoldLogs(["AWSLogs", "123456789012", "CloudTrail", "eu-west-1"], filter: filter))
        #expect(LogReader.mayHoldLogs(base, filter: filter))
        #expect(!LogReader.mayHoldLogs(base + ["2025"], filter: filter))
        #expect(LogReader.mayHoldLogs(base + ["2026"], filter: filter))
        #expect(!LogReader.mayHoldLogs(base + ["2026", "01"], filter: filter))
        #expect(!LogReader.mayHoldLogs(base + ["2026", "02", "09"], filter: filter))
        #expect(LogReader.mayHoldLogs(base + ["2026", "02", "10"], filter: filter))
        #expect(LogReader.mayHoldLogs(base + ["2026", "03", "01"], filter: filter))
        // With a prefix and an organization id in front.
        #expect(LogReader.mayHoldLogs(["logs", "AWSLogs", "o-abc", "123456789012", "CloudTrail", "us-east-1", "2026"], filter: filter))
        #expect(
            LogReader.isLogFile([
                "logs", "AWSLogs", "o-abc", "123456789012", "CloudTrail", "us-east-1", "2026", "02", "10",
                "123456789012_CloudTrail_us-east-1_20260210T1200Z_AAAAAAAAAAAAAAAA.json.gz",
            ]))
        #expect(!LogReader.isLogFile(["AWSLogs", "1", "CloudTrail-Digest", "r", "x_CloudTrail-Digest_r.json.gz"]))
    }

    @Test func readsWhatTheRecorderDelivers() async throws {
        let root = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        var settings = TrailSettings()
        settings.bucket.path = root.appendingPathComponent("bucket").path
        settings.bucket.keyPrefix = "team/logs"
        settings.notifications.file = nil
        let recorder = TrailRecorder(
            settings: settings, journal: JournalSettings(), clock: ManualWallClock(), random: SeededRandomSource(seed: 7))
        try recorder.start()
        for index in 0..<30 {
            try await recorder.record(
                Fixtures.event(region: index % 2 == 0 ? "us-east-1" : "us-west-2", name: "Op\(index)"), eventID: "ev-\(index)")
        }
        _ = await recorder.shutdown()
        var ids: [String] = []
        let count = LogReader(bucketRoot: settings.bucket.path).forEachRecord { ids.append($0.value["eventID"]?.stringValue ?? "?") }
        #expect(count == 30)
        #expect(Set(ids) == Set((0..<30).map { "ev-\($0)" }))
    }

    @Test func parsesRecordTimes() {
        #expect(LogRecordFilter.parseTime("1970-01-01T00:00:00Z") == 0)
        #expect(LogRecordFilter.parseTime("2026-01-01T00:00:00Z") == 1_767_225_600)
        #expect(LogRecordFilter.parseTime("2024-02-29T12:30:15Z") == Fixtures.date("2024-02-29T12:30:15Z").timeIntervalSince1970)
        #expect(LogRecordFilter.parseTime("2026-01-01T00:00:00.250Z") == 1_767_225_600.25)
        for bad in ["", "2026-01-01", "2026-13-01T00:00:00Z", "2026-01-01T00:00:00", "2026-01-01T00:00:00+01:00", "2026-01-01T00:00:00.Z"] {
            #expect(LogRecordFilter.parseTime(bad) == nil, "\(bad)")
        }
    }

    @Test func streamsThousandsOfFiles() throws {
        let root = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let body = #"{"Records":[\#(Self.record("ListTables", readOnly: true))]}"#
        for index in 0..<1000 {
            let unique = String(format: "%016d", index)
            try Self.write(root, Self.key(day: "2026/01/\(String(format: "%02d", 1 + index % 28))", unique: unique), body)
        }
        var count = 0
        LogReader(bucketRoot: root.path).forEachRecord { _ in count += 1 }
        #expect(count == 1000)
    }
}
