import AWSProtocol
import CloudTrail
import Foundation
import TestSupport
import Testing

@testable import CloudTrailService
@testable import DynamoTrail

/// GetTrailStatus, StartLogging and StopLogging: what the status reports before and after a delivery,
/// and what stopping the trail pauses.
@Suite struct StartStopLoggingTests {
    static let trailARN = CloudTrailAPIHarness.trailARN

    @Test func statusBeforeAnyDeliveryShowsOnlyTheLoggingStart() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            let before = try await harness.cloudTrail("GetTrailStatus", #"{"Name":"dynamotrail"}"#)
            #expect(before.json["IsLogging"] == true)
            #expect(before.json["StartLoggingTime"]?.numberValue != nil)
            #expect(before.json["TimeLoggingStarted"]?.stringValue?.hasSuffix("Z") == true)
            #expect(before.json["LatestDeliveryTime"] == nil)
            #expect(before.json["StopLoggingTime"] == nil)
        }
    }

    @Test func statusAfterADeliveryShowsItsTimesInTheModelsOrder() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            try await harness.dynamoDB("ListTables")
            try await harness.flush()
            let after = try await harness.cloudTrail("GetTrailStatus", #"{"Name":"dynamotrail"}"#)
            #expect(after.json["LatestDeliveryTime"]?.numberValue != nil)
            let iso = try #require(after.json["LatestDeliveryAttemptSucceeded"]?.stringValue)
            #expect(LogRecordFilter.parseTime(iso) != nil)
            #expect(after.json["LatestDeliveryAttemptTime"]?.stringValue == iso)
            #expect(after.json["LatestNotificationAttemptSucceeded"]?.stringValue == iso)
            #expect(after.json["LatestDeliveryError"] == nil)
            let keys = try #require(after.json.objectValue?.keys)
            let modelOrder = [
                "IsLogging", "LatestDeliveryError", "LatestNotificationError", "LatestDeliveryTime", "LatestNotificationTime",
                "StartLoggingTime", "StopLoggingTime", "LatestCloudWatchLogsDeliveryError", "LatestCloudWatchLogsDeliveryTime",
                "LatestDigestDeliveryTime", "LatestDigestDeliveryError", "LatestDeliveryAttemptTime",
                "LatestNotificationAttemptTime", "LatestNotificationAttemptSucceeded", "LatestDeliveryAttemptSucceeded",
                "TimeLoggingStarted", "TimeLoggingStopped",
            ]
            #expect(keys == modelOrder.filter(keys.contains))
        }
    }

    @Test func stopAndStartLoggingShowInTheStatusAndTheHealthCheck() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            #expect(try await harness.cloudTrail("StopLogging", #"{"Name":"dynamotrail"}"#).json == [:])
            let stopped = try await harness.cloudTrail("GetTrailStatus", #"{"Name":"\#(Self.trailARN)"}"#)
            #expect(stopped.json["IsLogging"] == false)
            #expect(stopped.json["StopLoggingTime"]?.numberValue != nil)
            #expect(stopped.json["TimeLoggingStopped"]?.stringValue != nil)
            let health = try JSONParser.parse(try await harness.send("GET", "/_dynamotrail/health").body)
            #expect(health["delivery"]?["logging"] == false)
            #expect(try await harness.cloudTrail("StartLogging", #"{"Name":"\#(Self.trailARN)"}"#).status == 200)
            let restarted = try await harness.cloudTrail("GetTrailStatus", #"{"Name":"dynamotrail"}"#)
            #expect(restarted.json["IsLogging"] == true)
            #expect(restarted.json["StopLoggingTime"] != nil)
        }
    }

    @Test func stopLoggingPausesTheTrailButNotTheHistory() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            try await harness.createTable("before")
            _ = try await harness.cloudTrail("StopLogging", #"{"Name":"dynamotrail"}"#)
            try await harness.createTable("during")
            _ = try await harness.cloudTrail("StartLogging", #"{"Name":"dynamotrail"}"#)
            try await harness.createTable("after")
            try await harness.flush()
            let delivered = harness.delivered().values.compactMap { record -> String? in
                guard let name = record.value["eventName"]?.stringValue else { return nil }
                return name + ":" + (record.value["requestParameters"]?["tableName"]?.stringValue ?? "")
            }
            #expect(Set(delivered) == ["CreateTable:before", "StopLogging:", "StartLogging:", "CreateTable:after"])
            // Event history is independent of the trail, as on AWS.
            let history = try await harness.lookup(
                #"{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"CreateTable"}]}"#)
            #expect(history["Events"]?.arrayValue?.count == 3)
        }
    }

    @Test func loggingIsStoppedOnlyFromTheHomeRegion() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            let elsewhere = try await harness.cloudTrail("StopLogging", #"{"Name":"dynamotrail"}"#, region: "eu-west-1")
            #expect(elsewhere.json.errorType == "com.amazonaws.cloudtrail.v20131101#InvalidHomeRegionException")
        }
    }

    @Test func cloudTrailCallsAreRecorded() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            for operation in ["DescribeTrails", "ListTrails", "ListPublicKeys", "LookupEvents"] {
                _ = try await harness.cloudTrail(operation)
            }
            for operation in ["GetTrail", "GetTrailStatus", "StopLogging", "StartLogging"] {
                _ = try await harness.cloudTrail(operation, #"{"Name":"dynamotrail"}"#)
            }
            try await harness.flush()
            let records = harness.delivered().values.map(\.value)
            #expect(records.count == 8)
            for record in records {
                let name = record["eventName"]?.stringValue ?? ""
                #expect(record["eventSource"] == "cloudtrail.amazonaws.com")
                #expect(record["readOnly"] == .bool(!name.hasSuffix("Logging")), "\(name)")
                #expect(record["apiVersion"] == nil)
                #expect(record["managementEvent"] == true)
            }
            let start = try #require(records.first { $0["eventName"] == "StartLogging" })
            #expect(start["requestParameters"] == ["name": "dynamotrail"])
            #expect(start["responseElements"] == .null)
        }
    }
}
