import AWSProtocol
import Testing

@testable import DynamoDB

/// StreamSpecification on UpdateTable: enabling, disabling, and changes in flight.
@Suite struct UpdateTableStreamTests {
    let pt: (Int, Int) -> JSONValue = { ["ReadCapacityUnits": .int($0), "WriteCapacityUnits": .int($1)] }

    @Test func streamEnableDisableReenable() async throws {
        let h = Harness()
        try await h.createBasic("strm")
        h.clock.advance(by: 1)
        let on = try #require(
            try await h.ok(
                "UpdateTable", ["TableName": "strm", "StreamSpecification": ["StreamEnabled": true, "StreamViewType": "NEW_IMAGE"]])[
                    "TableDescription"])
        #expect(on["TableStatus"] == "UPDATING")
        let firstArn = try #require(on["LatestStreamArn"]?.stringValue)
        h.clock.advance(by: 1)
        let off = try #require(
            try await h.ok("UpdateTable", ["TableName": "strm", "StreamSpecification": ["StreamEnabled": false]])["TableDescription"])
        #expect(JSONWriter.string(off["StreamSpecification"] ?? .null) == #"{"StreamEnabled":false}"#)
        let described = try #require(try await h.ok("DescribeTable", ["TableName": "strm"])["Table"])
        #expect(described["StreamSpecification"] == nil)
        #expect(described["LatestStreamArn"]?.stringValue == firstArn)
        h.clock.advance(by: 1)
        let again = try #require(
            try await h.ok(
                "UpdateTable", ["TableName": "strm", "StreamSpecification": ["StreamEnabled": true, "StreamViewType": "KEYS_ONLY"]])[
                    "TableDescription"])
        #expect(again["LatestStreamArn"]?.stringValue != firstArn)
        let listed = try await h.ok("ListStreams", ["TableName": "strm"], service: .streams)
        #expect(listed["Streams"]?.arrayValue?.count == 2)
        #expect(listed["Streams"]?.arrayValue?.first?["StreamArn"] == again["LatestStreamArn"])
    }

    @Test func streamToggleInFlightMessages() async throws {
        let h = Harness { $0.updateSeconds = 5 }
        try await h.createBasic("tgl")
        let on = try await h.ok(
            "UpdateTable", ["TableName": "tgl", "StreamSpecification": ["StreamEnabled": true, "StreamViewType": "NEW_IMAGE"]])
        let label = try #require(on["TableDescription"]?["LatestStreamLabel"]?.stringValue)
        let stream = await h.fail("UpdateTable", ["TableName": "tgl", "StreamSpecification": ["StreamEnabled": false]])
        #expect(
            stream?.message
                == "Attempt to change a resource which is still in use: A stream status change is currently in progress. Table: tgl Stream: \(label) Operation: ENABLE"
        )
        let iops = await h.fail("UpdateTable", ["TableName": "tgl", "ProvisionedThroughput": pt(9, 9)])
        #expect(
            iops?.message
                == "Attempt to change a resource which is still in use: Can't change table IOPS when stream status is being updated. Table: tgl Stream: \(label) Operation: ENABLE"
        )
    }
}
