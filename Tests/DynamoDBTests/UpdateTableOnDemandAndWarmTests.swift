import AWSProtocol
import Testing

@testable import DynamoDB

/// OnDemandThroughput and WarmThroughput on UpdateTable.
@Suite struct UpdateTableOnDemandAndWarmTests {
    @Test func onDemandAndWarmThroughput() async throws {
        let h = Harness()
        var input = basicTable("odw")
        input["ProvisionedThroughput"] = nil
        input["BillingMode"] = "PAY_PER_REQUEST"
        try await h.ok("CreateTable", .object(input))
        let od = try #require(
            try await h.ok(
                "UpdateTable", ["TableName": "odw", "OnDemandThroughput": ["MaxReadRequestUnits": 500, "MaxWriteRequestUnits": -1]])[
                    "TableDescription"])
        #expect(JSONWriter.string(od["OnDemandThroughput"] ?? .null) == #"{"MaxReadRequestUnits":500,"MaxWriteRequestUnits":-1}"#)
        let warm = try #require(
            try await h.ok("UpdateTable", ["TableName": "odw", "WarmThroughput": ["ReadUnitsPerSecond": 20000]])["TableDescription"])
        #expect(warm["WarmThroughput"]?["ReadUnitsPerSecond"] == 20000)
        #expect(
            await h.fail("UpdateTable", ["TableName": "odw", "WarmThroughput": ["ReadUnitsPerSecond": 100]])?.message
                == "One or more parameter values were invalid: Requested ReadUnitsPerSecond for WarmThroughput for table is lower than current WarmThroughput, decreasing WarmThroughput is not supported"
        )
    }

    /// A WarmThroughput change leaves the table ACTIVE and shows WarmThroughput.Status UPDATING;
    /// DeleteTable waits for it.
    @Test func warmThroughputChangeShowsUpdating() async throws {
        let h = Harness { $0.updateSeconds = 2 }
        try await h.createBasic("warm")
        let response = try #require(
            try await h.ok("UpdateTable", ["TableName": "warm", "WarmThroughput": ["ReadUnitsPerSecond": 20000]])["TableDescription"])
        #expect(response["TableStatus"] == "ACTIVE")
        #expect(response["WarmThroughput"]?["Status"] == "UPDATING")
        let described = try await h.ok("DescribeTable", ["TableName": "warm"])
        #expect(described["Table"]?["WarmThroughput"]?["Status"] == "UPDATING")
        #expect(await h.fail("DeleteTable", ["TableName": "warm"])?.code == "ResourceInUseException")
        h.clock.advance(by: 2)
        let settled = try await h.ok("DescribeTable", ["TableName": "warm"])
        #expect(settled["Table"]?["WarmThroughput"]?["Status"] == "ACTIVE")
        #expect(settled["Table"]?["WarmThroughput"]?["ReadUnitsPerSecond"] == 20000)
        try await h.ok("DeleteTable", ["TableName": "warm"])
    }

    /// OnDemandThroughput merges member by member; -1 clears a member: echoed in the response, omitted from
    /// DescribeTable, and the struct goes once both are cleared (AWS, 2026).
    @Test func onDemandThroughputMergesAndClears() async throws {
        let h = Harness()
        var input = basicTable("odt")
        input["ProvisionedThroughput"] = nil
        input["BillingMode"] = "PAY_PER_REQUEST"
        input["OnDemandThroughput"] = ["MaxReadRequestUnits": 100, "MaxWriteRequestUnits": 50]
        try await h.ok("CreateTable", .object(input))
        func described() async throws -> String {
            JSONWriter.string(try await h.ok("DescribeTable", ["TableName": "odt"])["Table"]?["OnDemandThroughput"] ?? .null)
        }
        try await h.ok("UpdateTable", ["TableName": "odt", "OnDemandThroughput": ["MaxReadRequestUnits": 200]])
        #expect(try await described() == #"{"MaxReadRequestUnits":200,"MaxWriteRequestUnits":50}"#)
        let cleared = try await h.ok("UpdateTable", ["TableName": "odt", "OnDemandThroughput": ["MaxWriteRequestUnits": -1]])
        #expect(
            JSONWriter.string(cleared["TableDescription"]?["OnDemandThroughput"] ?? .null)
                == #"{"MaxReadRequestUnits":200,"MaxWriteRequestUnits":-1}"#)
        #expect(try await described() == #"{"MaxReadRequestUnits":200}"#)
        try await h.ok("UpdateTable", ["TableName": "odt", "OnDemandThroughput": ["MaxReadRequestUnits": -1]])
        #expect(try await described() == "null")
    }
}
