import AWSProtocol
import Foundation
import Testing

@testable import CloudTrail

@Suite struct EventHistoryTests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    /// Records `event` at `offset` seconds after `start` with id `id`; returns the bytes stored.
    @discardableResult
    static func add(
        _ history: EventHistory, _ event: CloudTrailEvent, id: String, at offset: TimeInterval,
        resources: [LookupResource] = []
    ) -> [UInt8] {
        let time = start.addingTimeInterval(offset)
        let bytes = CloudTrailRecord.bytes(event, eventTime: time, eventID: id)
        history.record(event, eventID: id, eventTime: time, bytes: bytes, resources: resources)
        return bytes
    }

    static func history(_ clock: ManualWallClock = ManualWallClock(start), capacity: Int = 1000) -> EventHistory {
        EventHistory(capacity: capacity, clock: clock)
    }

    static func ids(_ page: HistoryPage) -> [String] { page.events.map(\.eventID) }

    @Test func newestFirstWithTiesInArrivalOrder() {
        let history = Self.history()
        Self.add(history, Fixtures.event(name: "A"), id: "a", at: 1)
        Self.add(history, Fixtures.event(name: "B"), id: "b", at: 3)
        Self.add(history, Fixtures.event(name: "C"), id: "c", at: 2)  // finished late: sorted by time
        Self.add(history, Fixtures.event(name: "D"), id: "d", at: 3)  // same second as b, arrived later
        let page = history.lookup(HistoryQuery(account: "123456789012", region: "us-east-1"))
        #expect(Self.ids(page) == ["d", "b", "c", "a"])
        #expect(page.next == nil)
        #expect(history.count == 4)
    }

    @Test func keepsTheExactBytesAndFields() throws {
        let history = Self.history()
        var event = Fixtures.event(name: "DescribeTable", readOnly: true)
        event.errorCode = "ResourceNotFoundException"
        let bytes = Self.add(
            history, event, id: "id-1", at: 5, resources: [LookupResource(type: "AWS::DynamoDB::Table", name: "Music")])
        let found = try #require(history.lookup(HistoryQuery(account: "123456789012", region: "us-east-1")).events.first)
        #expect(found.bytes == bytes)
        #expect(found.cloudTrailEvent == String(decoding: bytes, as: UTF8.self))
        #expect(found.eventTime == Int64(Self.start.timeIntervalSince1970) + 5)
        #expect(found.eventName == "DescribeTable")
        #expect(found.readOnly)
        #expect(found.accessKeyId == "AKIATAI5Z6332LPA5KXG")
        #expect(found.username == "HoneyUser")
        #expect(found.userArn == "arn:aws:iam::123456789010:user/HoneyUser")
        #expect(found.errorCode == "ResourceNotFoundException")
        #expect(found.resources == [LookupResource(type: "AWS::DynamoDB::Table", name: "Music")])
        #expect(try JSONParser.parse(bytes)["eventID"] == "id-1")
    }

    @Test func theEventsOwnResourcesWin() throws {
        let history = Self.history()
        var event = Fixtures.event()
        event.resources = [
            .init(accountId: "123456789012", type: "AWS::DynamoDB::Table", arn: "arn:aws:dynamodb:us-east-1:123456789012:table/Music")
        ]
        Self.add(history, event, id: "x", at: 0, resources: [LookupResource(type: "Ignored", name: "ignored")])
        let found = try #require(history.lookup(HistoryQuery(account: "123456789012", region: "us-east-1")).events.first)
        #expect(
            found.resources == [LookupResource(type: "AWS::DynamoDB::Table", name: "arn:aws:dynamodb:us-east-1:123456789012:table/Music")])
    }

    @Test func separatesAccountsAndRegions() {
        let history = Self.history()
        Self.add(history, Fixtures.event(account: "123456789012", region: "us-east-1"), id: "1", at: 0)
        Self.add(history, Fixtures.event(account: "210987654321", region: "us-east-1"), id: "2", at: 1)
        Self.add(history, Fixtures.event(account: "123456789012", region: "eu-west-1"), id: "3", at: 2)
        #expect(Self.ids(history.lookup(HistoryQuery(account: "123456789012", region: "us-east-1"))) == ["1"])
        #expect(Self.ids(history.lookup(HistoryQuery(account: "210987654321", region: "us-east-1"))) == ["2"])
        #expect(Self.ids(history.lookup(HistoryQuery(account: "123456789012", region: "eu-west-1"))) == ["3"])
        #expect(Self.ids(history.lookup(HistoryQuery(account: "999999999999", region: "us-east-1"))).isEmpty)
    }

    @Test(arguments: LookupAttributeKey.allCases)
    func eachLookupAttribute(_ key: LookupAttributeKey) {
        let history = Self.history()
        var alice = Fixtures.event(name: "CreateTable", readOnly: false, table: "Music")
        alice.context.identity = Fixtures.iamUser
        var bob = Fixtures.event(name: "ListTables", readOnly: true, table: "Books")
        bob.context.identity = Fixtures.assumedRole
        bob.eventSource = "cloudtrail.amazonaws.com"
        Self.add(history, alice, id: "alice-1", at: 0, resources: [LookupResource(type: "AWS::DynamoDB::Table", name: "Music")])
        Self.add(history, bob, id: "bob-1", at: 1, resources: [LookupResource(type: "AWS::CloudTrail::Trail", name: "trail")])
        let (match, other): (String, String) =
            switch key {
            case .eventId: ("alice-1", "nope")
            case .eventName: ("CreateTable", "DeleteTable")
            case .readOnly: ("false", "maybe")
            case .username: ("HoneyUser", "honeyuser")
            case .resourceType: ("AWS::DynamoDB::Table", "AWS::S3::Bucket")
            case .resourceName: ("Music", "music")
            case .eventSource: ("dynamodb.amazonaws.com", "s3.amazonaws.com")
            case .accessKeyId: ("AKIATAI5Z6332LPA5KXG", "AKIANOPE")
            }
        let query = { (value: String) in
            HistoryQuery(account: "123456789012", region: "us-east-1", attribute: LookupAttribute(key: key, value: value))
        }
        #expect(Self.ids(history.lookup(query(match))) == ["alice-1"])
        #expect(Self.ids(history.lookup(query(other))).isEmpty)
    }

    @Test func readOnlyTrueAndUsernamesOfSessions() {
        let history = Self.history()
        var role = Fixtures.event(name: "ListTables", readOnly: true)
        role.context.identity = Fixtures.assumedRole
        Self.add(history, role, id: "r", at: 0)
        var root = Fixtures.event(name: "DescribeLimits", readOnly: true)
        root.context.identity = Fixtures.root
        Self.add(history, root, id: "root", at: 1)
        var federated = Fixtures.event(name: "DeleteTable")
        federated.context.identity = Fixtures.federated
        Self.add(history, federated, id: "f", at: 2)
        func lookup(_ key: LookupAttributeKey, _ value: String) -> [String] {
            Self.ids(
                history.lookup(
                    HistoryQuery(account: "123456789012", region: "us-east-1", attribute: LookupAttribute(key: key, value: value))))
        }
        #expect(lookup(.readOnly, "true") == ["root", "r"])
        #expect(lookup(.username, "bob") == ["f", "r"])  // session name and federated name
        #expect(lookup(.username, "root") == ["root"])
        #expect(EventHistory.username(Fixtures.anonymous) == nil)
    }

    @Test func timeRangeIsInclusiveAndWholeSeconds() {
        let history = Self.history()
        for second in 0..<10 { Self.add(history, Fixtures.event(), id: "e\(second)", at: TimeInterval(second) + 0.6) }
        let query = HistoryQuery(
            account: "123456789012", region: "us-east-1", startTime: Self.start.addingTimeInterval(3),
            endTime: Self.start.addingTimeInterval(5))
        #expect(Self.ids(history.lookup(query)) == ["e5", "e4", "e3"])
        let open = HistoryQuery(account: "123456789012", region: "us-east-1", startTime: Self.start.addingTimeInterval(8))
        #expect(Self.ids(history.lookup(open)) == ["e9", "e8"])
    }

    @Test func ninetyDayWindow() {
        let clock = ManualWallClock(Self.start)
        let history = Self.history(clock)
        Self.add(history, Fixtures.event(), id: "old", at: 0)
        Self.add(history, Fixtures.event(), id: "new", at: 86_400)
        let query = HistoryQuery(account: "123456789012", region: "us-east-1")
        clock.advance(by: 90 * 86_400)
        #expect(Self.ids(history.lookup(query)) == ["new", "old"])
        clock.advance(by: 1)
        #expect(Self.ids(history.lookup(query)) == ["new"])
        clock.advance(by: 86_400)
        #expect(Self.ids(history.lookup(query)).isEmpty)
    }

    @Test func pagesWithACursor() {
        let history = Self.history()
        for index in 0..<7 { Self.add(history, Fixtures.event(), id: "e\(index)", at: TimeInterval(index / 2)) }
        var query = HistoryQuery(account: "123456789012", region: "us-east-1", limit: 3)
        var seen: [String] = []
        var pages = 0
        while true {
            let page = history.lookup(query)
            pages += 1
            seen += Self.ids(page)
            guard let next = page.next else { break }
            #expect(page.events.count == 3)
            query.after = next
            // Events recorded meanwhile (newer) do not disturb the following pages.
            Self.add(history, Fixtures.event(), id: "late\(pages)", at: 100)
        }
        #expect(pages == 3)
        #expect(seen == ["e6", "e5", "e4", "e3", "e2", "e1", "e0"])
    }

    @Test func exactPageSizeHasNoNextToken() {
        let history = Self.history()
        for index in 0..<4 { Self.add(history, Fixtures.event(), id: "e\(index)", at: TimeInterval(index)) }
        let page = history.lookup(HistoryQuery(account: "123456789012", region: "us-east-1", limit: 4))
        #expect(page.events.count == 4)
        #expect(page.next == nil)
    }

    @Test func forgetsTheOldestBeyondCapacity() {
        let history = Self.history(capacity: 16)
        for index in 0..<100 { Self.add(history, Fixtures.event(), id: "e\(index)", at: TimeInterval(index)) }
        #expect(history.count <= 17)
        let page = history.lookup(HistoryQuery(account: "123456789012", region: "us-east-1", limit: 50))
        #expect(page.events.first?.eventID == "e99")
        #expect(page.events.count >= 16)
    }

    @Test func forgetsTheOldestBeyondMaxBytes() {
        let maxBytes = 32 * 1024
        let history = EventHistory(
            capacity: 10_000, maxBytes: maxBytes, clock: ManualWallClock(Self.start), compressesInBackground: false)
        for index in 100..<2100 { Self.add(history, Fixtures.event(), id: "e\(index)", at: TimeInterval(index)) }
        #expect(history.byteCount <= maxBytes + maxBytes / 16)
        #expect((20..<2000).contains(history.count))
        let page = history.lookup(HistoryQuery(account: "123456789012", region: "us-east-1", limit: 10_000))
        #expect(page.events.first?.eventID == "e2099")
        #expect(page.events.count == history.count)
        #expect(page.events.allSatisfy { $0.bytes.count > 100 })
    }

    @Test func compressedBlocksReadBackExactly() {
        let history = EventHistory(
            capacity: 10_000, maxBytes: 1 << 30, clock: ManualWallClock(Self.start), compressesInBackground: false)
        var written: [String: [UInt8]] = [:]
        for index in 0..<500 {
            let id = index % 2 == 0 ? uuidText(index) : "odd-\(index)"
            written[id] = Self.add(
                history, Fixtures.event(), id: id, at: TimeInterval(index / 3),
                resources: [LookupResource(type: "AWS::DynamoDB::Table", name: "T\(index % 7)")])
        }
        var query = HistoryQuery(account: "123456789012", region: "us-east-1", limit: 50)
        var seen = 0
        while seen < 1000 {
            let page = history.lookup(query)
            for event in page.events { #expect(written[event.eventID] == event.bytes) }
            seen += page.events.count
            guard let next = page.next else { break }
            query.after = next
        }
        #expect(seen == 500)
        let byTable = history.lookup(
            HistoryQuery(
                account: "123456789012", region: "us-east-1", attribute: LookupAttribute(key: .resourceName, value: "T3"),
                limit: 50))
        #expect(byTable.events.count == 50)
        #expect(byTable.events.allSatisfy { $0.resources.map(\.name) == ["T3"] && written[$0.eventID] == $0.bytes })
        let uuid = uuidText(40)
        let byID = history.lookup(
            HistoryQuery(account: "123456789012", region: "us-east-1", attribute: LookupAttribute(key: .eventId, value: uuid)))
        #expect(byID.events.map(\.eventID) == [uuid])
        #expect(byID.events.first?.bytes == written[uuid])
        let odd = history.lookup(
            HistoryQuery(account: "123456789012", region: "us-east-1", attribute: LookupAttribute(key: .eventId, value: "odd-41")))
        #expect(odd.events.map(\.eventID) == ["odd-41"])
    }

    @Test func concurrentRecordingIsSafe() async {
        let history = Self.history(capacity: 100_000)
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for index in 0..<250 {
                        Self.add(history, Fixtures.event(), id: "w\(worker)-\(index)", at: TimeInterval(index))
                        _ = history.lookup(HistoryQuery(account: "123456789012", region: "us-east-1", limit: 5))
                    }
                }
            }
        }
        #expect(history.count == 2000)
        let page = history.lookup(HistoryQuery(account: "123456789012", region: "us-east-1", limit: 50))
        let times = page.events.map(\.eventTime)
        #expect(times == times.sorted(by: >))
    }
}

/// A canonical lowercase UUID drawn from seed `seed`.
private func uuidText(_ seed: Int) -> String { SeededRandomSource(seed: UInt64(seed)).uuid() }

@Suite struct EventHistoryLoadTests {
    static func write(_ root: URL, _ key: String, _ records: [String]) throws {
        let url = root.appendingPathComponent(key)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(Gzip.compress(Array(#"{"Records":[\#(records.joined(separator: ","))]}"#.utf8))).write(to: url)
    }

    static func record(_ name: String, id: String, time: String, management: Bool = true) -> String {
        var context = Fixtures.context(Fixtures.assumedRole)
        context.receivedAt = Fixtures.date(time)
        let event = CloudTrailEvent(
            context: context, eventSource: "dynamodb.amazonaws.com", eventName: name,
            requestParameters: ["tableName": "Music"], readOnly: false, managementEvent: management,
            eventCategory: management ? "Management" : "Data", recipientAccountId: "123456789012")
        return String(decoding: CloudTrailRecord.bytes(event, eventTime: Fixtures.date(time), eventID: id), as: UTF8.self)
    }

    @Test func refillsFromDeliveredFiles() throws {
        let root = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let key =
            "AWSLogs/123456789012/CloudTrail/us-east-1/2026/03/01/123456789012_CloudTrail_us-east-1_20260301T0000Z_AAAAAAAAAAAAAAAA.json.gz"
        let records = [
            Self.record("CreateTable", id: "a", time: "2026-02-28T23:59:00Z"),
            Self.record("PutItem", id: "data", time: "2026-02-28T23:59:30Z", management: false),
            Self.record("DeleteTable", id: "b", time: "2026-02-28T23:59:59Z"),
            Self.record("DeleteTable", id: "b", time: "2026-02-28T23:59:59Z"),  // a duplicate delivery
        ]
        try Self.write(root, key, records)
        let old =
            "AWSLogs/123456789012/CloudTrail/us-east-1/2025/10/01/123456789012_CloudTrail_us-east-1_20251001T0000Z_BBBBBBBBBBBBBBBB.json.gz"
        try Self.write(root, old, [Self.record("CreateTable", id: "ancient", time: "2025-10-01T00:00:00Z")])
        let clock = ManualWallClock(Fixtures.date("2026-03-02T00:00:00Z"))
        let history = EventHistory(clock: clock)
        history.record(
            Fixtures.event(name: "ListTables", readOnly: true), eventID: "live", eventTime: clock.now(), bytes: Array("{}".utf8))
        let resources = { (record: JSONValue) in
            [LookupResource(type: "AWS::DynamoDB::Table", name: record["requestParameters"]?["tableName"]?.stringValue ?? "")]
        }
        #expect(history.load(from: LogReader(bucketRoot: root.path), resources: resources) == 2)
        let page = history.lookup(HistoryQuery(account: "123456789012", region: "us-east-1"))
        #expect(page.events.map(\.eventID) == ["live", "b", "a"])
        let loaded = page.events[2]
        #expect(loaded.cloudTrailEvent == records[0])
        #expect(loaded.username == "bob")
        #expect(loaded.accessKeyId == "AKIAIOSFODNN7EXAMPLE")
        #expect(loaded.resources == [LookupResource(type: "AWS::DynamoDB::Table", name: "Music")])
        #expect(loaded.eventTime == Int64(Fixtures.date("2026-02-28T23:59:00Z").timeIntervalSince1970))
        // Loading again adds nothing.
        #expect(history.load(from: LogReader(bucketRoot: root.path), resources: resources) == 0)
        let byName = history.lookup(
            HistoryQuery(
                account: "123456789012", region: "us-east-1", attribute: LookupAttribute(key: .resourceName, value: "Music")))
        #expect(byName.events.map(\.eventID) == ["b", "a"])
    }

    @Test func refillsManyRecordsIntoCompressedBlocksWithinTheBytes() throws {
        let root = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        var records: [String] = []
        for index in 0..<600 {
            let second = String(format: "%02d", index % 60)
            let minute = String(format: "%02d", index / 60)
            records.append(Self.record("DescribeTable", id: "r\(index)", time: "2026-03-01T10:\(minute):\(second)Z"))
        }
        // The first file in key order holds the newer half.
        let east =
            "AWSLogs/123456789012/CloudTrail/us-east-1/2026/03/01/123456789012_CloudTrail_us-east-1_20260301T1000Z_AAAAAAAAAAAAAAAA.json.gz"
        try Self.write(root, east, Array(records[300...]))
        let older =
            "AWSLogs/123456789012/CloudTrail/us-east-1/2026/03/01/123456789012_CloudTrail_us-east-1_20260301T1100Z_BBBBBBBBBBBBBBBB.json.gz"
        try Self.write(root, older, Array(records[..<300]))
        let history = EventHistory(
            capacity: 10_000, maxBytes: 128 * 1024, clock: ManualWallClock(Fixtures.date("2026-03-02T00:00:00Z")),
            compressesInBackground: false)
        #expect(history.load(from: LogReader(bucketRoot: root.path), resources: { _ in [] }) == 600)
        #expect(history.byteCount <= 128 * 1024 + 128 * 1024 / 16)
        #expect(history.count > 50 && history.count < 600)
        var query = HistoryQuery(account: "123456789012", region: "us-east-1", limit: 50)
        var ids: [String] = []
        while ids.count < 1000 {
            let page = history.lookup(query)
            for event in page.events {
                #expect(event.cloudTrailEvent == records[Int(event.eventID.dropFirst()) ?? 0])
                ids.append(event.eventID)
            }
            guard let next = page.next else { break }
            query.after = next
        }
        // The newest survive, newest first, whichever file they came from.
        #expect(ids == (600 - ids.count..<600).reversed().map { "r\($0)" })
    }
}
