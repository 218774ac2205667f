import AWSProtocol
import Testing

@testable import DynamoDB

/// Our proposed shapes (AWS publishes none for these console-only actions).
@Suite struct ReservedCapacityTests {
    @Test func catalogueHasReadAndWriteForOneAndThreeYears() async throws {
        let h = Harness()
        let offerings = try #require(try await h.ok("DescribeReservedCapacityOfferings", [:])["ReservedCapacityOfferings"]?.arrayValue)
        #expect(offerings.count == 4)
        #expect(Set(offerings.compactMap { $0["Duration"]?.numberValue?.text }) == ["31536000", "94608000"])
        #expect(Set(offerings.compactMap { $0["CapacityUnitType"]?.stringValue }) == ["READ", "WRITE"])
        #expect(offerings.first?["CurrencyCode"] == "USD")
        let again = try await h.ok("DescribeReservedCapacityOfferings", [:])
        #expect(again["ReservedCapacityOfferings"]?.arrayValue == offerings)
        let reads = try await h.ok("DescribeReservedCapacityOfferings", ["CapacityUnitType": "READ", "Duration": 31_536_000])
        #expect(reads["ReservedCapacityOfferings"]?.arrayValue?.count == 1)
        let paged = try await h.ok("DescribeReservedCapacityOfferings", ["MaxResults": 3])
        #expect(paged["NextToken"] == "3")
        let rest = try await h.ok("DescribeReservedCapacityOfferings", ["MaxResults": 3, "NextToken": "3"])
        #expect(rest["ReservedCapacityOfferings"]?.arrayValue?.count == 1)
        #expect(rest["NextToken"] == nil)
    }

    @Test func purchaseThenDescribe() async throws {
        let h = Harness()
        let offering = try #require(
            try await h.ok("DescribeReservedCapacityOfferings", ["CapacityUnitType": "WRITE", "Duration": 31_536_000])[
                "ReservedCapacityOfferings"]?.arrayValue?.first?["ReservedCapacityOfferingId"])
        let bought = try #require(
            try await h.ok("PurchaseReservedCapacityOfferings", ["ReservedCapacityOfferingId": offering, "CapacityUnits": 200])[
                "ReservedCapacityDescription"])
        #expect(bought["State"] == "payment-pending")
        #expect(bought["CapacityUnits"] == 200)
        #expect(bought["FixedPrice"] == .double(300))
        #expect(bought["StartTime"]?.numberValue?.text == "1767225600.25")
        let id = try #require(bought["ReservedCapacityId"]?.stringValue)
        #expect(bought["ReservedCapacityArn"] == .string("arn:aws:dynamodb:us-east-1:123456789012:reserved-capacity/\(id)"))
        let listed = try #require(try await h.ok("DescribeReservedCapacity", [:])["ReservedCapacityDescriptions"]?.arrayValue)
        #expect(listed.count == 1)
        #expect(listed.first?["State"] == "active")
        h.clock.advance(by: 31_536_000)
        #expect(try await h.ok("DescribeReservedCapacity", ["State": "retired"])["ReservedCapacityDescriptions"]?.arrayValue?.count == 1)
        let named = try await h.ok(
            "PurchaseReservedCapacityOfferings",
            ["ReservedCapacityOfferingId": offering, "CapacityUnits": 100, "ReservedCapacityId": "mine"])
        #expect(named["ReservedCapacityDescription"]?["ReservedCapacityId"] == "mine")
        #expect(
            await h.fail(
                "PurchaseReservedCapacityOfferings",
                ["ReservedCapacityOfferingId": offering, "CapacityUnits": 100, "ReservedCapacityId": "mine"])?
                .code == "ResourceInUseException")
        #expect(
            await h.fail(
                "PurchaseReservedCapacityOfferings",
                ["ReservedCapacityOfferingId": offering, "CapacityUnits": .int64(9_223_372_036_854_775_800)])?
                .code == "LimitExceededException")
        #expect(
            await h.fail("DescribeReservedCapacity", ["MaxResults": 0])?.message
                == "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"
        )
        #expect(
            await h.fail("PurchaseReservedCapacityOfferings", ["CapacityUnits": 100])?.message
                == "The parameter 'ReservedCapacityOfferingId' is required but was not present in the request")
    }
}
