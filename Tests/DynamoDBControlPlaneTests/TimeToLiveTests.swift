import AWSProtocol
import Testing

@testable import DynamoDBControlPlane

/// DescribeTimeToLive and UpdateTimeToLive.
@Suite struct TimeToLiveTests {
    @Test func timeToLive() async throws {
        let h = Harness()
        try await h.createBasic("ttl")
        #expect(JSONWriter.string(try await h.ok("DescribeTimeToLive", ["TableName": "ttl"]))
            == #"{"TimeToLiveDescription":{"TimeToLiveStatus":"DISABLED"}}"#)
        let spec: JSONValue = ["Enabled": true, "AttributeName": "expires"]
        #expect(try await h.ok("UpdateTimeToLive", ["TableName": "ttl", "TimeToLiveSpecification": spec]) == ["TimeToLiveSpecification": spec])
        #expect(JSONWriter.string(try await h.ok("DescribeTimeToLive", ["TableName": "ttl"]))
            == #"{"TimeToLiveDescription":{"TimeToLiveStatus":"ENABLED","AttributeName":"expires"}}"#)
        #expect(await h.fail("UpdateTimeToLive", ["TableName": "ttl", "TimeToLiveSpecification": spec])?.message == "TimeToLive is already enabled")
    }
}
