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

    /// While TTL is on, another attribute is refused for enabling and for disabling (AWS, 2026).
    @Test func anotherAttributeWhileEnabled() async throws {
        let h = Harness()
        try await h.createBasic("ttl2")
        func update(_ enabled: Bool, _ name: String) -> JSONValue {
            ["TableName": "ttl2", "TimeToLiveSpecification": ["Enabled": .bool(enabled), "AttributeName": .string(name)]]
        }
        #expect(await h.fail("UpdateTimeToLive", update(false, "a"))?.message == "TimeToLive is already disabled")
        try await h.ok("UpdateTimeToLive", update(true, "a"))
        let expected = "TimeToLive is active on a different AttributeName: current AttributeName is a"
        #expect(await h.fail("UpdateTimeToLive", update(true, "b"))?.message == expected)
        #expect(await h.fail("UpdateTimeToLive", update(false, "b"))?.message == expected)
        try await h.ok("UpdateTimeToLive", update(false, "a"))
        #expect(await h.fail("UpdateTimeToLive", update(false, "a"))?.message == "TimeToLive is already disabled")
    }
}
