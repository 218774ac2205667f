import AWSProtocol
import Testing

@testable import DynamoDB

/// DescribeTimeToLive and UpdateTimeToLive.
@Suite struct TimeToLiveTests {
    @Test func timeToLive() async throws {
        let h = Harness()
        try await h.createBasic("ttl")
        #expect(
            JSONWriter.string(try await h.ok("DescribeTimeToLive", ["TableName": "ttl"]))
                == #"{"TimeToLiveDescription":{"TimeToLiveStatus":"DISABLED"}}"#)
        let spec: JSONValue = ["Enabled": true, "AttributeName": "expires"]
        #expect(
            try await h.ok("UpdateTimeToLive", ["TableName": "ttl", "TimeToLiveSpecification": spec]) == ["TimeToLiveSpecification": spec])
        #expect(
            JSONWriter.string(try await h.ok("DescribeTimeToLive", ["TableName": "ttl"]))
                == #"{"TimeToLiveDescription":{"TimeToLiveStatus":"ENABLED","AttributeName":"expires"}}"#)
        #expect(
            await h.fail("UpdateTimeToLive", ["TableName": "ttl", "TimeToLiveSpecification": spec])?.message
                == "TimeToLive is already enabled")
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

    /// TTL calls on a CREATING or DELETING table answer AWS's own texts (observed in 2026).
    @Test func creatingAndDeletingTables() async throws {
        let h = Harness {
            $0.createSeconds = 5
            $0.deleteSeconds = 5
        }
        try await h.createBasic("ttl3")
        let spec: JSONValue = ["Enabled": true, "AttributeName": "x"]
        #expect(
            await h.fail("UpdateTimeToLive", ["TableName": "ttl3", "TimeToLiveSpecification": spec])?.message
                == "Attempt to change a resource which is still in use: Table ttl3 is being created")
        #expect(
            await h.fail("DescribeTimeToLive", ["TableName": "ttl3"])?.message
                == "Cannot describe time to live while table is in CREATING state: Current table state is CREATING")
        h.clock.advance(by: 5)
        try await h.ok("DeleteTable", ["TableName": "ttl3"])
        let error = await h.fail("DescribeTimeToLive", ["TableName": "ttl3"])
        #expect(error?.type == "com.amazon.coral.validate#ValidationException")
        #expect(error?.message == "Cannot describe time to live while table is in DELETING state: Current table state is DELETING")
    }
}
