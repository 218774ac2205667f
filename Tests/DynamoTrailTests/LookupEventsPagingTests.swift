import AWSProtocol
import Foundation
import TestSupport
import Testing

@testable import DynamoTrail

/// LookupEvents' pages (NextToken, MaxResults) and the errors for bad parameters.
@Suite struct LookupEventsPagingTests {
    @Test func pagingWithNextToken() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            for index in 0..<7 { try await harness.dynamoDB("DescribeTable", #"{"TableName":"tbl\#(index)"}"#) }
            let filter = #""LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"DescribeTable"}]"#
            var tables: [String] = []
            var token: String? = nil
            var pages = 0
            repeat {
                let tokenPart = token.map { #","NextToken":"\#($0)""# } ?? ""
                let page = try await harness.lookup(#"{\#(filter),"MaxResults":3\#(tokenPart)}"#)
                pages += 1
                for event in page["Events"]?.arrayValue ?? [] {
                    let record = try JSONParser.parse(Array((event["CloudTrailEvent"]?.stringValue ?? "").utf8))
                    tables.append(record["requestParameters"]?["tableName"]?.stringValue ?? "?")
                }
                token = page["NextToken"]?.stringValue
                if let token {
                    // The token is bound to its parameters.
                    let mismatch = try await harness.cloudTrail("LookupEvents", #"{"MaxResults":3,"NextToken":"\#(token)"}"#)
                    #expect(mismatch.json.errorType == "com.amazonaws.cloudtrail.v20131101#InvalidNextTokenException")
                    // ...but the page size may change.
                    let resized = try await harness.lookup(#"{\#(filter),"MaxResults":50,"NextToken":"\#(token)"}"#)
                    #expect((resized["Events"]?.arrayValue?.count ?? 0) > 0)
                }
            } while token != nil && pages < 10
            #expect(pages == 3)
            #expect(tables == (0..<7).reversed().map { "tbl\($0)" })
        }
    }

    @Test func defaultPageSizeIsFifty() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            for index in 0..<50 { try await harness.dynamoDB("ListTables", #"{"Limit":\#(index + 1)}"#) }
            let page = try await harness.lookup(#"{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"ListTables"}]}"#)
            #expect(page["Events"]?.arrayValue?.count == 50)
            #expect(page["NextToken"] == nil)
            let smaller = try await harness.lookup(
                #"{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"ListTables"}],"MaxResults":49}"#)
            #expect(smaller["NextToken"]?.stringValue != nil)
        }
    }

    @Test func badParametersGetCloudTrailsErrors() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            let prefix = "com.amazonaws.cloudtrail.v20131101#"
            let cases: [(String, String)] = [
                (
                    #"{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"A"},{"AttributeKey":"EventName","AttributeValue":"B"}]}"#,
                    "InvalidLookupAttributesException"
                ),
                (#"{"LookupAttributes":[{"AttributeKey":"Region","AttributeValue":"A"}]}"#, "InvalidLookupAttributesException"),
                (#"{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":""}]}"#, "InvalidLookupAttributesException"),
                (
                    #"{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"\#(String(repeating: "x", count: 2001))"}]}"#,
                    "InvalidLookupAttributesException"
                ),
                (#"{"StartTime":1800000000,"EndTime":1700000000}"#, "InvalidTimeRangeException"),
                (#"{"MaxResults":0}"#, "InvalidMaxResultsException"),
                (#"{"MaxResults":51}"#, "InvalidMaxResultsException"),
                (#"{"NextToken":"garbage"}"#, "InvalidNextTokenException"),
                (#"{"NextToken":"djE6MTo6MQ=="}"#, "InvalidNextTokenException"),
                (#"{"EventCategory":"data"}"#, "InvalidEventCategoryException"),
            ]
            for (body, type) in cases {
                let result = try await harness.cloudTrail("LookupEvents", body)
                #expect(result.status == 400, "\(body.prefix(80))")
                #expect(result.json.errorType == prefix + type, "\(body.prefix(80))")
                #expect(result.json["message"]?.stringValue?.isEmpty == false)
            }
        }
    }

    @Test func malformedParametersFailValidationOrSerialization() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            let missingKey = try await harness.cloudTrail("LookupEvents", #"{"LookupAttributes":[{"AttributeValue":"A"}]}"#)
            #expect(missingKey.json.errorType == "com.amazon.coral.validate#ValidationException")
            let wrongType = try await harness.cloudTrail("LookupEvents", #"{"MaxResults":"5"}"#)
            #expect(wrongType.json.errorType == "com.amazon.coral.service#SerializationException")
        }
    }

    @Test func insightEventsAreAnEmptyList() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            let insight = try await harness.cloudTrail("LookupEvents", #"{"EventCategory":"insight"}"#)
            #expect(insight.json == ["Events": []])
        }
    }
}
