import AWSProtocol
import Testing

@testable import DynamoDB

/// DescribeLimits and DescribeEndpoints.
@Suite struct DescribeLimitsTests {
    @Test func limitsAndEndpoints() async throws {
        let h = Harness()
        #expect(
            JSONWriter.string(try await h.ok("DescribeLimits", [:]))
                == #"{"AccountMaxReadCapacityUnits":80000,"AccountMaxWriteCapacityUnits":80000,"TableMaxReadCapacityUnits":40000,"TableMaxWriteCapacityUnits":40000}"#
        )
        #expect(
            JSONWriter.string(try await h.ok("DescribeEndpoints", [:], region: "eu-west-1"))
                == #"{"Endpoints":[{"Address":"dynamodb.eu-west-1.amazonaws.com","CachePeriodInMinutes":1440}]}"#)
    }
}
