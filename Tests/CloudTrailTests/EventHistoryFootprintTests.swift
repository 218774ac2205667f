import AWSProtocol
import Foundation
import Testing

@testable import CloudTrail

/// The history's memory per event, printed as a figure (no timing): DynamoDB control-plane records
/// with random event and request ids, a few operations, users and tables, as a test suite makes.
@Suite struct EventHistoryFootprintTests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static let operations = ["DescribeTable", "CreateTable", "ListTables", "UpdateTable", "DeleteTable", "TagResource"]

    /// Records `count` varied events; returns the rendered bytes recorded in all, and what the flat
    /// rendered history counted for them (each record, its texts and a 256-byte allowance).
    @discardableResult
    static func fill(_ history: EventHistory, count: Int) -> (rendered: Int, flat: Int) {
        let random = SeededRandomSource(seed: 7)
        var rendered = 0
        var flat = 0
        for index in 0..<count {
            var context = Fixtures.context(
                index % 3 == 0 ? Fixtures.assumedRole : Fixtures.iamUser, requestId: random.uuid().uppercased())
            context.receivedAt = start.addingTimeInterval(TimeInterval(index / 10))
            let name = operations[index % operations.count]
            let table = "table-\(index % 20)"
            let event = CloudTrailEvent(
                context: context, eventSource: "dynamodb.amazonaws.com", eventName: name,
                requestParameters: ["tableName": .string(table)], readOnly: name.hasPrefix("Describe") || name.hasPrefix("List"),
                apiVersion: "2012-08-10", recipientAccountId: "123456789012")
            let rendered1 = RenderedRecord(
                event: event, eventID: random.uuid(), eventTime: context.receivedAt, eventVersion: "1.08")
            let resource = LookupResource(
                type: "AWS::DynamoDB::Table", name: "arn:aws:dynamodb:us-east-1:123456789012:table/\(table)")
            rendered += rendered1.bytes.count
            let identity = context.identity
            let texts = [
                rendered1.eventID, name, event.eventSource, "123456789012", "us-east-1", identity.accessKeyId ?? "",
                EventHistory.username(identity) ?? "", identity.arn ?? "", resource.type, resource.name,
            ]
            flat += rendered1.bytes.count + 256 + 64 + texts.reduce(0) { $0 + $1.utf8.count }
            history.record(rendered1, resources: [resource])
        }
        return (rendered, flat)
    }

    @Test func bytesPerEventFigure() {
        let count = 20_000
        let history = EventHistory(
            capacity: count, maxBytes: 1 << 30, clock: ManualWallClock(Self.start), compressesInBackground: false)
        let (rendered, flat) = Self.fill(history, count: count)
        #expect(history.count == count)
        let perEvent = history.byteCount / count
        let before = flat / count
        print(
            "event history footprint: \(perEvent) bytes/event (index \(MemoryLayout<HistoryIndexEntry>.stride)), rendered records \(rendered / count) bytes/event, flat rendered history \(before) bytes/event, \(EventHistory.defaultMaxBytes / max(1, perEvent)) events in the default \(EventHistory.defaultMaxBytes) bytes"
        )
        #expect(perEvent < rendered / count / 2)
        // Every event reads back exactly: page through all of them.
        var query = HistoryQuery(account: "123456789012", region: "us-east-1", limit: 50)
        var seen = 0
        var pages = 0
        while pages < count {
            let page = history.lookup(query)
            seen += page.events.count
            #expect(page.events.allSatisfy { $0.bytes.count > 500 })
            pages += 1
            guard let next = page.next else { break }
            query.after = next
        }
        #expect(seen == count)
    }

    @Test func defaultBoundsHoldManyMoreEventsThanRendered() {
        let history = EventHistory(clock: ManualWallClock(Self.start))
        Self.fill(history, count: 40_000)
        history.waitForCompression()
        #expect(history.byteCount <= EventHistory.defaultMaxBytes + EventHistory.defaultMaxBytes / 16)
        print("event history at the defaults after 40,000 events: \(history.count) events in \(history.byteCount) bytes")
        #expect(history.count > 10_000)
    }
}
