import AWSProtocol
import CloudTrail
import Foundation
import TestSupport
import Testing

@testable import CallHandling
@testable import CloudTrailService
@testable import DynamoTrail

/// LookupEvents: its events match the delivered records, each lookup attribute and the time range
/// filter them, and the history is per account and region and survives a restart.
@Suite struct LookupEventsTests {
    @Test func lookupEventsShapeMatchesTheDeliveredRecord() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            try await harness.createTable("Music")
            try await harness.dynamoDB("DescribeTable", #"{"TableName":"Music"}"#)
            let result = try await harness.lookup(
                #"{"LookupAttributes":[{"AttributeKey":"EventSource","AttributeValue":"dynamodb.amazonaws.com"}]}"#)
            let events = try #require(result["Events"]?.arrayValue)
            #expect(events.map { $0["EventName"] } == ["DescribeTable", "CreateTable"])
            #expect(result["NextToken"] == nil)
            let describe = events[0]
            #expect(
                describe.objectValue?.keys == [
                    "EventId", "EventName", "ReadOnly", "AccessKeyId", "EventTime", "EventSource", "Username", "Resources",
                    "CloudTrailEvent",
                ])
            #expect(describe["ReadOnly"] == "true")
            #expect(events[1]["ReadOnly"] == "false")
            #expect(describe["EventSource"] == "dynamodb.amazonaws.com")
            #expect(describe["Resources"] == [["ResourceType": "AWS::DynamoDB::Table", "ResourceName": "Music"]])
            let time = try #require(describe["EventTime"]?.numberValue)
            #expect(time.isIntegerLiteral)
            let recordText = try #require(describe["CloudTrailEvent"]?.stringValue)
            let record = try JSONParser.parse(Array(recordText.utf8))
            #expect(record["eventID"] == describe["EventId"])
            #expect(record["eventName"] == "DescribeTable")
            #expect(Double(LogRecordFilter.parseTime(record["eventTime"]?.stringValue ?? "") ?? -1) == time.doubleValue)
            // Same id and the very same bytes in the delivered log file.
            try await harness.flush()
            let delivered = harness.delivered()
            let id = try #require(describe["EventId"]?.stringValue)
            #expect(delivered[id].map { String(decoding: $0.bytes, as: UTF8.self) } == recordText)
            for event in events {
                #expect(delivered[event["EventId"]?.stringValue ?? ""] != nil)
            }
        }
    }

    @Test func eachLookupAttributeKey() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            try await harness.createTable("Music")
            try await harness.dynamoDB("ListTables")
            _ = try await harness.cloudTrail("GetTrail", #"{"Name":"dynamotrail"}"#)
            let all = try await harness.lookup("{}")
            let create = try #require(all["Events"]?.arrayValue?.first { $0["EventName"] == "CreateTable" })
            let eventId = try #require(create["EventId"]?.stringValue)
            let username = try #require(create["Username"]?.stringValue)
            let accessKey = try #require(create["AccessKeyId"]?.stringValue)
            let cases: [(String, String, [String])] = [
                ("EventId", eventId, ["CreateTable"]),
                ("EventName", "CreateTable", ["CreateTable"]),
                ("EventName", "DeleteTable", []),
                ("ReadOnly", "false", ["CreateTable"]),
                ("ResourceType", "AWS::DynamoDB::Table", ["CreateTable"]),
                ("ResourceType", "AWS::CloudTrail::Trail", ["GetTrail"]),
                ("ResourceName", "Music", ["CreateTable"]),
                ("ResourceName", "dynamotrail", ["GetTrail"]),
                ("EventSource", "cloudtrail.amazonaws.com", ["LookupEvents", "GetTrail"]),
                ("Username", username, ["LookupEvents", "GetTrail", "ListTables", "CreateTable"]),
                ("AccessKeyId", accessKey, ["LookupEvents", "GetTrail", "ListTables", "CreateTable"]),
                ("AccessKeyId", "AKIANOSUCHKEY", []),
            ]
            for (key, value, expected) in cases {
                let result = try await harness.lookup(
                    #"{"LookupAttributes":[{"AttributeKey":"\#(key)","AttributeValue":"\#(value)"}]}"#)
                // Earlier lookups are events too: compare only the newest entries that predate this loop.
                let names = result.eventNames.filter { $0 != "LookupEvents" }
                #expect(names == expected.filter { $0 != "LookupEvents" }, "\(key)=\(value)")
            }
            let readOnly = try await harness.lookup(#"{"LookupAttributes":[{"AttributeKey":"ReadOnly","AttributeValue":"true"}]}"#)
            #expect(readOnly.eventNames.contains("ListTables"))
            #expect(!readOnly.eventNames.contains("CreateTable"))
        }
    }

    @Test func timeRangeFilters() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            try await harness.dynamoDB("ListTables")
            let now = Date().timeIntervalSince1970
            let inRange = try await harness.lookup(#"{"StartTime":\#(Int(now) - 60),"EndTime":\#(Int(now) + 60)}"#)
            #expect(inRange.eventNames.contains("ListTables"))
            let future = try await harness.lookup(#"{"StartTime":\#(Int(now) + 3600)}"#)
            #expect(future.eventNames.isEmpty)
            let past = try await harness.lookup(#"{"EndTime":\#(Int(now) - 3600)}"#)
            #expect(past.eventNames.isEmpty)
        }
    }

    @Test func historyIsPerAccountAndRegion() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            try await harness.dynamoDB("ListTables", key: "210987654321", region: "eu-west-1")
            try await harness.dynamoDB("DescribeLimits")
            let mine = try await harness.lookup(
                #"{"LookupAttributes":[{"AttributeKey":"EventSource","AttributeValue":"dynamodb.amazonaws.com"}]}"#)
            #expect(mine.eventNames == ["DescribeLimits"])
            let theirs = try await harness.lookup(
                #"{"LookupAttributes":[{"AttributeKey":"EventSource","AttributeValue":"dynamodb.amazonaws.com"}]}"#,
                key: "210987654321", region: "eu-west-1")
            #expect(theirs.eventNames == ["ListTables"])
            let otherRegion = try await harness.lookup(
                #"{"LookupAttributes":[{"AttributeKey":"EventSource","AttributeValue":"dynamodb.amazonaws.com"}]}"#,
                key: "210987654321", region: "us-east-1")
            #expect(otherRegion.eventNames.isEmpty)
        }
    }

    /// A second server on the first one's bucket reads the history back from its journal.
    @Test func historySurvivesARestart() async throws {
        let music = #"{"LookupAttributes":[{"AttributeKey":"ResourceName","AttributeValue":"Music"}]}"#
        try await withHarness { (first: CloudTrailAPIHarness) async throws in
            try await first.createTable("Music")
            let before = try await first.lookup(music)
            // Shut down but keep the bucket: withHarness removes it after the second server is done.
            await first.server.server.shutdown()
            let bucket = first.server.bucket
            try await withHarness(configure: { $0.trail.bucket.path = bucket.path }) { (second: CloudTrailAPIHarness) async throws in
                var after: JSONValue = .null
                for _ in 0..<100 {
                    after = try await second.lookup(music)
                    if after["Events"]?.arrayValue?.isEmpty == false { break }
                    try await Task.sleep(nanoseconds: 50_000_000)
                }
                #expect(after["Events"] == before["Events"])
            }
        }
    }

    @Test func resourcesOfCalls() {
        let ddb = ServiceTarget(service: .dynamoDB, operation: "TagResource")
        #expect(
            CloudTrailAPI.lookupResources(
                eventSource: ddb.service.eventSource, input: ["ResourceArn": "arn:aws:dynamodb:us-east-1:1:table/Music/stream/x"])
                == [LookupResource(type: "AWS::DynamoDB::Table", name: "Music")])
        let streams = ServiceTarget(service: .dynamoDBStreams, operation: "DescribeStream")
        #expect(
            CloudTrailAPI.lookupResources(eventSource: streams.service.eventSource, input: ["StreamArn": "arn:s"])
                == [LookupResource(type: "AWS::DynamoDB::Stream", name: "arn:s")])
        let trails = ServiceTarget(service: .cloudTrail, operation: "DescribeTrails")
        #expect(
            CloudTrailAPI.lookupResources(eventSource: trails.service.eventSource, input: ["trailNameList": ["a", "b"]])
                == [LookupResource(type: "AWS::CloudTrail::Trail", name: "a"), LookupResource(type: "AWS::CloudTrail::Trail", name: "b")])
        #expect(CloudTrailAPI.lookupResources(eventSource: ddb.service.eventSource, input: nil).isEmpty)
    }
}
