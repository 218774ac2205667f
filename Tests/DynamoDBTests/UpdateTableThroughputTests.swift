import AWSProtocol
import Testing

@testable import DynamoDB

/// Provisioned throughput and billing mode on UpdateTable.
@Suite struct UpdateTableThroughputTests {
    let pt: (Int, Int) -> JSONValue = { ["ReadCapacityUnits": .int($0), "WriteCapacityUnits": .int($1)] }

    @Test func increaseShowsOldValuesThenNew() async throws {
        let h = Harness { $0.updateSeconds = 2 }
        try await h.createBasic("ups")
        h.clock.advance(by: 1)
        let d = try #require(try await h.ok("UpdateTable", ["TableName": "ups", "ProvisionedThroughput": pt(10, 5)])["TableDescription"])
        #expect(d["TableStatus"] == "UPDATING")
        #expect(d["ProvisionedThroughput"]?["ReadCapacityUnits"] == 5)
        #expect(d["ProvisionedThroughput"]?["LastIncreaseDateTime"]?.numberValue?.text == "1767225601.25")
        #expect(d["ProvisionedThroughput"]?["LastDecreaseDateTime"] == nil)
        let during = await h.fail("UpdateTable", ["TableName": "ups", "ProvisionedThroughput": pt(11, 5)])
        #expect(during?.message == "Attempt to change a resource which is still in use: Table IOPS are currently being updated. Table: ups")
        h.clock.advance(by: 2)
        let after = try #require(try await h.ok("DescribeTable", ["TableName": "ups"])["Table"])
        #expect(after["TableStatus"] == "ACTIVE")
        #expect(after["ProvisionedThroughput"]?["ReadCapacityUnits"] == 10)
        #expect(after["ProvisionedThroughput"]?["NumberOfDecreasesToday"] == 0)
        #expect(after["WarmThroughput"]?["ReadUnitsPerSecond"] == 10)
    }

    @Test func decreasesAreCountedAndLimited() async throws {
        let h = Harness()
        try await h.createBasic("downs", ["ProvisionedThroughput": pt(100, 100)])
        for i in 1...4 {
            try await h.ok("UpdateTable", ["TableName": "downs", "ProvisionedThroughput": pt(100 - i, 100)])
            h.clock.advance(by: 1)
        }
        let d = try #require(try await h.ok("DescribeTable", ["TableName": "downs"])["Table"])
        #expect(d["ProvisionedThroughput"]?["NumberOfDecreasesToday"] == 4)
        #expect(d["ProvisionedThroughput"]?["LastDecreaseDateTime"] != nil)
        let fifth = await h.fail("UpdateTable", ["TableName": "downs", "ProvisionedThroughput": pt(90, 100)])
        #expect(fifth?.code == "LimitExceededException")
        #expect(
            fifth?.message?.hasPrefix("Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day.")
                == true)
        h.clock.advance(by: 3600)
        try await h.ok("UpdateTable", ["TableName": "downs", "ProvisionedThroughput": pt(90, 100)])
        // An increase is always allowed.
        try await h.ok("UpdateTable", ["TableName": "downs", "ProvisionedThroughput": pt(200, 200)])
    }

    @Test func billingModeSwitchBothWays() async throws {
        let h = Harness()
        try await h.createBasic("bill")
        let toPPR = try #require(
            try await h.ok("UpdateTable", ["TableName": "bill", "BillingMode": "PAY_PER_REQUEST"])["TableDescription"])
        #expect(toPPR["TableStatus"] == "UPDATING")
        #expect(toPPR["BillingModeSummary"]?["BillingMode"] == "PAY_PER_REQUEST")
        #expect(toPPR["ProvisionedThroughput"]?["ReadCapacityUnits"] == 0)
        let back = try #require(
            try await h.ok("UpdateTable", ["TableName": "bill", "BillingMode": "PROVISIONED", "ProvisionedThroughput": pt(3, 4)])[
                "TableDescription"])
        #expect(back["BillingModeSummary"]?["BillingMode"] == "PROVISIONED")
        #expect(back["BillingModeSummary"]?["LastUpdateToPayPerRequestDateTime"] != nil)
        #expect(back["ProvisionedThroughput"]?["WriteCapacityUnits"] == 4)
    }

    /// BillingMode=PROVISIONED without throughput is refused on any table; throughput during a billing switch
    /// is "Table IOPS are currently being updated" (AWS, 2026).
    @Test func billingModeEdges() async throws {
        let h = Harness { $0.updateSeconds = 3 }
        try await h.createBasic("bill")
        #expect(
            await h.fail("UpdateTable", ["TableName": "bill", "BillingMode": "PROVISIONED"])?.message
                == "One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED")
        try await h.ok("UpdateTable", ["TableName": "bill", "BillingMode": "PAY_PER_REQUEST"])
        let back = await h.fail(
            "UpdateTable",
            [
                "TableName": "bill", "BillingMode": "PROVISIONED",
                "ProvisionedThroughput": ["ReadCapacityUnits": 5, "WriteCapacityUnits": 5],
            ])
        #expect(back?.message == "Attempt to change a resource which is still in use: Table IOPS are currently being updated. Table: bill")
    }
}
