import AWSProtocol
import Testing

@testable import DynamoDB

/// ListStreams (DynamoDB Streams).
@Suite struct ListStreamsTests {
    func tableWithStream(_ h: Harness, _ name: String) async throws -> String {
        let d = try await h.createBasic(name, ["StreamSpecification": ["StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"]])
        return try #require(d["TableDescription"]?["LatestStreamArn"]?.stringValue)
    }

    @Test func listStreamsFiltersAndPages() async throws {
        let h = Harness()
        let a = try await tableWithStream(h, "aaa")
        let b = try await tableWithStream(h, "bbb")
        try await h.createBasic("ccc")
        let all = try await h.ok("ListStreams", [:], service: .streams)
        #expect(all["Streams"]?.arrayValue?.compactMap { $0["StreamArn"]?.stringValue } == [a, b])
        #expect(all["Streams"]?.arrayValue?.first?.keys == ["StreamArn", "TableName", "StreamLabel"])
        #expect(all["LastEvaluatedStreamArn"] == nil)
        let first = try await h.ok("ListStreams", ["Limit": 1], service: .streams)
        #expect(first["LastEvaluatedStreamArn"] == .string(a))
        let second = try await h.ok("ListStreams", ["Limit": 1, "ExclusiveStartStreamArn": .string(a)], service: .streams)
        #expect(second["Streams"]?.arrayValue?.first?["StreamArn"] == .string(b))
        #expect(second["LastEvaluatedStreamArn"] == .string(b))
        let third = try await h.ok("ListStreams", ["Limit": 1, "ExclusiveStartStreamArn": .string(b)], service: .streams)
        #expect(third["Streams"] == [])
        #expect(third["LastEvaluatedStreamArn"] == nil)
        #expect(try await h.ok("ListStreams", ["TableName": "bbb"], service: .streams)["Streams"]?.arrayValue?.count == 1)
        #expect(try await h.ok("ListStreams", ["TableName": "ccc"], service: .streams)["Streams"] == [])
        #expect(try await h.ok("ListStreams", ["TableName": "nope"], service: .streams)["Streams"] == [])
    }
}
