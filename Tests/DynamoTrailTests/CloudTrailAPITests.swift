import AWSProtocol
import CloudTrail
import Foundation
import TestSupport
import Testing

@testable import CallHandling
@testable import CloudTrailService
@testable import DynamoTrail

/// CloudTrail's JSON 1.1 API through real sockets (and ListPublicKeys with a stub key source).
@Suite struct CloudTrailAPITests {
    static let target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101."
    static let trailARN = "arn:aws:cloudtrail:us-east-1:123456789012:trail/dynamotrail"

    /// A server plus helpers for CloudTrail and DynamoDB calls.
    struct Harness {
        let server: TestServer
        let client: TestHTTPClient

        init(configure: (inout Configuration) -> Void = { _ in }) async throws {
            server = try await TestServer(configure: { configuration in
                configuration.trail.deliveryIntervalSeconds = 3600
                configure(&configuration)
            })
            client = TestHTTPClient(baseURL: server.baseURL)
        }

        /// A lenient-mode Authorization header naming `key` (a 12-digit key names its account) and `region`.
        static func headers(service: String, key: String?, region: String?) -> [String: String] {
            guard let key else { return [:] }
            return LenientSignature.headers(accessKey: key, region: region ?? "us-east-1", service: service)
        }

        func cloudTrail(
            _ operation: String, _ body: String = "{}", key: String? = nil, region: String? = nil,
            prefix: String = CloudTrailAPITests.target
        ) async throws -> (status: Int, json: JSONValue, response: TestHTTPClient.Response) {
            var headers = Self.headers(service: "cloudtrail", key: key ?? "AKIAIOSFODNN7EXAMPLE", region: region)
            headers["X-Amz-Target"] = prefix + operation
            headers["Content-Type"] = "application/x-amz-json-1.1"
            let response = try await client.send("POST", "/", headers: headers, body: Array(body.utf8))
            return (response.status, (try? JSONParser.parse(response.body)) ?? .null, response)
        }

        @discardableResult
        func dynamoDB(_ operation: String, _ body: String = "{}", key: String? = nil, region: String? = nil) async throws -> Int {
            var headers = Self.headers(service: "dynamodb", key: key ?? "AKIAIOSFODNN7EXAMPLE", region: region)
            headers["X-Amz-Target"] = "DynamoDB_20120810." + operation
            headers["Content-Type"] = "application/x-amz-json-1.0"
            return try await client.send("POST", "/", headers: headers, body: Array(body.utf8)).status
        }

        func createTable(_ name: String) async throws {
            let status = try await dynamoDB(
                "CreateTable",
                #"{"TableName":"\#(name)","AttributeDefinitions":[{"AttributeName":"k","AttributeType":"S"}],"KeySchema":[{"AttributeName":"k","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}"#
            )
            #expect(status == 200)
        }

        func lookup(_ body: String, key: String? = nil, region: String? = nil) async throws -> JSONValue {
            let result = try await cloudTrail("LookupEvents", body, key: key, region: region)
            #expect(result.status == 200, "\(result.response.text)")
            return result.json
        }

        func flush() async throws { _ = try await client.send("POST", "/_dynamotrail/flush") }

        /// Every delivered record, by eventID.
        func delivered() -> [String: LogRecord] {
            var records: [String: LogRecord] = [:]
            LogReader(bucketRoot: server.bucket.path).forEachRecord { record in
                if let id = record.value["eventID"]?.stringValue { records[id] = record }
            }
            return records
        }

        func stop() async { await server.stop() }
    }

    static func errorType(_ json: JSONValue) -> String? { json["__type"]?.stringValue }

    static func eventNames(_ json: JSONValue) -> [String] {
        (json["Events"]?.arrayValue ?? []).compactMap { $0["EventName"]?.stringValue }
    }

    // MARK: - Trails

    @Test func describeTrailsShape() async throws {
        let harness = try await Harness()
        let result = try await harness.cloudTrail("DescribeTrails")
        #expect(result.status == 200)
        #expect(result.response.header("Content-Type") == "application/x-amz-json-1.1")
        #expect(result.response.header("x-amz-crc32") == nil)
        let trail = try #require(result.json["trailList"]?.arrayValue?.first)
        #expect(
            trail.objectValue?.keys == [
                "Name", "S3BucketName", "IncludeGlobalServiceEvents", "IsMultiRegionTrail", "HomeRegion", "TrailARN",
                "LogFileValidationEnabled", "HasCustomEventSelectors", "HasInsightSelectors", "IsOrganizationTrail",
            ])
        #expect(trail["Name"] == "dynamotrail")
        #expect(trail["S3BucketName"] == "dynamotrail-logs")
        #expect(trail["TrailARN"] == .string(Self.trailARN))
        #expect(trail["IsMultiRegionTrail"] == true)
        #expect(trail["IncludeGlobalServiceEvents"] == true)
        #expect(trail["LogFileValidationEnabled"] == true)
        #expect(trail["IsOrganizationTrail"] == false)
        #expect(trail["HasCustomEventSelectors"] == false)
        // The short target prefix (Go SDK v2) is served too.
        let short = try await harness.cloudTrail("DescribeTrails", prefix: "CloudTrail_20131101.")
        #expect(short.json == result.json)
        // Name lists: by name, by ARN, unknown names ignored.
        for (list, count) in [(#"["dynamotrail"]"#, 1), (#"["\#(Self.trailARN)"]"#, 1), (#"["other"]"#, 0), ("[]", 1)] {
            let listed = try await harness.cloudTrail("DescribeTrails", #"{"trailNameList":\#(list)}"#)
            #expect(listed.json["trailList"]?.arrayValue?.count == count, "\(list)")
        }
        // A shadow trail outside the home region, hidden by includeShadowTrails: false.
        let shadow = try await harness.cloudTrail("DescribeTrails", #"{"includeShadowTrails":false}"#, region: "eu-west-1")
        #expect(shadow.json["trailList"]?.arrayValue?.isEmpty == true)
        let shown = try await harness.cloudTrail("DescribeTrails", #"{"includeShadowTrails":true}"#, region: "eu-west-1")
        #expect(shown.json["trailList"]?.arrayValue?.count == 1)
        let badType = try await harness.cloudTrail("DescribeTrails", #"{"trailNameList":"x"}"#)
        #expect(badType.status == 400)
        #expect(Self.errorType(badType.json) == "com.amazon.coral.service#SerializationException")
        await harness.stop()
    }

    @Test func trailReflectsTheConfiguration() async throws {
        let harness = try await Harness { configuration in
            configuration.trail.name = "audit"
            configuration.trail.homeRegion = "eu-west-1"
            configuration.trail.bucket.keyPrefix = "team/logs"
            configuration.trail.organizationId = "o-exampleorgid"
            configuration.trail.digest.enabled = false
            configuration.trail.readWriteType = .writeOnly
            configuration.trail.encryption.type = "aws:kms"
            configuration.trail.encryption.kmsKeyId = "arn:aws:kms:eu-west-1:123456789012:key/k"
            configuration.trail.notifications.webhookURL = "http://127.0.0.1:9/hook"
        }
        let result = try await harness.cloudTrail("GetTrail", #"{"Name":"audit"}"#)
        let trail = try #require(result.json["Trail"])
        #expect(trail["S3KeyPrefix"] == "team/logs")
        #expect(trail["HomeRegion"] == "eu-west-1")
        #expect(trail["TrailARN"] == "arn:aws:cloudtrail:eu-west-1:123456789012:trail/audit")
        #expect(trail["IsOrganizationTrail"] == true)
        #expect(trail["LogFileValidationEnabled"] == false)
        #expect(trail["HasCustomEventSelectors"] == true)
        #expect(trail["KmsKeyId"] == "arn:aws:kms:eu-west-1:123456789012:key/k")
        #expect(trail["SnsTopicARN"] == "arn:aws:sns:eu-west-1:123456789012:audit")
        #expect(trail["SnsTopicName"] == "audit")
        await harness.stop()
    }

    @Test func getTrailAndListTrails() async throws {
        let harness = try await Harness()
        for name in ["dynamotrail", Self.trailARN] {
            let result = try await harness.cloudTrail("GetTrail", #"{"Name":"\#(name)"}"#)
            #expect(result.status == 200)
            #expect(result.json["Trail"]?["Name"] == "dynamotrail")
        }
        let list = try await harness.cloudTrail("ListTrails")
        #expect(
            list.json
                == ["Trails": [["TrailARN": .string(Self.trailARN), "Name": "dynamotrail", "HomeRegion": "us-east-1"]]])
        await harness.stop()
    }

    @Test func trailErrors() async throws {
        let harness = try await Harness()
        let cases: [(String, String, String, String?)] = [
            ("GetTrail", #"{"Name":"other"}"#, "TrailNotFoundException", "Unknown trail: other for the user: 123456789012"),
            (
                "GetTrailStatus", #"{"Name":"arn:aws:cloudtrail:us-east-1:123456789012:trail/other"}"#, "TrailNotFoundException",
                "Unknown trail: arn:aws:cloudtrail:us-east-1:123456789012:trail/other for the user: 123456789012"
            ),
            ("StartLogging", #"{"Name":"ab"}"#, "InvalidTrailNameException", nil),
            ("StopLogging", #"{"Name":"-trail"}"#, "InvalidTrailNameException", "Trail name must starts with a letter or number."),
            ("GetTrail", #"{"Name":"my trail"}"#, "InvalidTrailNameException", nil),
            ("GetTrail", #"{"Name":"arn:aws:s3:::bucket"}"#, "CloudTrailARNInvalidException", nil),
        ]
        for (operation, body, type, message) in cases {
            let result = try await harness.cloudTrail(operation, body)
            #expect(result.status == 400, "\(operation) \(body)")
            #expect(Self.errorType(result.json) == "com.amazonaws.cloudtrail.v20131101#\(type)", "\(operation) \(body)")
            if let message { #expect(result.json["message"] == .string(message)) }
        }
        // Another account is told its own id.
        let other = try await harness.cloudTrail("GetTrail", #"{"Name":"nope"}"#, key: "210987654321")
        #expect(other.json["message"] == "Unknown trail: nope for the user: 210987654321")
        let missing = try await harness.cloudTrail("GetTrail")
        #expect(Self.errorType(missing.json) == "com.amazon.coral.validate#ValidationException")
        let wrongType = try await harness.cloudTrail("GetTrail", #"{"Name":5}"#)
        #expect(wrongType.json["Message"] == "NUMBER_VALUE cannot be converted to String")
        let unknown = try await harness.cloudTrail("CreateTrail", #"{"Name":"x","S3BucketName":"b"}"#)
        #expect(Self.errorType(unknown.json) == "com.amazon.coral.service#UnknownOperationException")
        await harness.stop()
    }

    // MARK: - Status and logging

    @Test func statusFollowsDeliveryAndLogging() async throws {
        let harness = try await Harness()
        let before = try await harness.cloudTrail("GetTrailStatus", #"{"Name":"dynamotrail"}"#)
        #expect(before.json["IsLogging"] == true)
        #expect(before.json["StartLoggingTime"]?.numberValue != nil)
        #expect(before.json["TimeLoggingStarted"]?.stringValue?.hasSuffix("Z") == true)
        #expect(before.json["LatestDeliveryTime"] == nil)
        #expect(before.json["StopLoggingTime"] == nil)
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

        #expect(try await harness.cloudTrail("StopLogging", #"{"Name":"dynamotrail"}"#).json == [:])
        let stopped = try await harness.cloudTrail("GetTrailStatus", #"{"Name":"\#(Self.trailARN)"}"#)
        #expect(stopped.json["IsLogging"] == false)
        #expect(stopped.json["StopLoggingTime"]?.numberValue != nil)
        #expect(stopped.json["TimeLoggingStopped"]?.stringValue != nil)
        let health = try JSONParser.parse(try await harness.client.send("GET", "/_dynamotrail/health").body)
        #expect(health["delivery"]?["logging"] == false)
        #expect(try await harness.cloudTrail("StartLogging", #"{"Name":"\#(Self.trailARN)"}"#).status == 200)
        let restarted = try await harness.cloudTrail("GetTrailStatus", #"{"Name":"dynamotrail"}"#)
        #expect(restarted.json["IsLogging"] == true)
        #expect(restarted.json["StopLoggingTime"] != nil)
        await harness.stop()
    }

    @Test func stopLoggingPausesTheTrailButNotTheHistory() async throws {
        let harness = try await Harness()
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
        let history = try await harness.lookup(#"{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"CreateTable"}]}"#)
        #expect(history["Events"]?.arrayValue?.count == 3)
        // Only from the home region.
        let elsewhere = try await harness.cloudTrail("StopLogging", #"{"Name":"dynamotrail"}"#, region: "eu-west-1")
        #expect(Self.errorType(elsewhere.json) == "com.amazonaws.cloudtrail.v20131101#InvalidHomeRegionException")
        await harness.stop()
    }

    // MARK: - LookupEvents

    @Test func lookupEventsShapeMatchesTheDeliveredRecord() async throws {
        let harness = try await Harness()
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
        await harness.stop()
    }

    @Test func eachLookupAttributeKey() async throws {
        let harness = try await Harness()
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
            let names = Self.eventNames(result).filter { $0 != "LookupEvents" } + []
            #expect(names == expected.filter { $0 != "LookupEvents" }, "\(key)=\(value)")
        }
        let readOnly = try await harness.lookup(#"{"LookupAttributes":[{"AttributeKey":"ReadOnly","AttributeValue":"true"}]}"#)
        #expect(Self.eventNames(readOnly).contains("ListTables"))
        #expect(!Self.eventNames(readOnly).contains("CreateTable"))
        await harness.stop()
    }

    @Test func pagingWithNextToken() async throws {
        let harness = try await Harness()
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
                #expect(Self.errorType(mismatch.json) == "com.amazonaws.cloudtrail.v20131101#InvalidNextTokenException")
                // ...but the page size may change.
                let resized = try await harness.lookup(#"{\#(filter),"MaxResults":50,"NextToken":"\#(token)"}"#)
                #expect((resized["Events"]?.arrayValue?.count ?? 0) > 0)
            }
        } while token != nil && pages < 10
        #expect(pages == 3)
        #expect(tables == (0..<7).reversed().map { "tbl\($0)" })
        // Default page size 50.
        for index in 0..<50 { try await harness.dynamoDB("ListTables", #"{"Limit":\#(index + 1)}"#) }
        let page = try await harness.lookup(#"{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"ListTables"}]}"#)
        #expect(page["Events"]?.arrayValue?.count == 50)
        #expect(page["NextToken"] == nil)
        let smaller = try await harness.lookup(
            #"{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"ListTables"}],"MaxResults":49}"#)
        #expect(smaller["NextToken"]?.stringValue != nil)
        await harness.stop()
    }

    @Test func timeRangeFilters() async throws {
        let harness = try await Harness()
        try await harness.dynamoDB("ListTables")
        let now = Date().timeIntervalSince1970
        let inRange = try await harness.lookup(#"{"StartTime":\#(Int(now) - 60),"EndTime":\#(Int(now) + 60)}"#)
        #expect(Self.eventNames(inRange).contains("ListTables"))
        let future = try await harness.lookup(#"{"StartTime":\#(Int(now) + 3600)}"#)
        #expect(Self.eventNames(future).isEmpty)
        let past = try await harness.lookup(#"{"EndTime":\#(Int(now) - 3600)}"#)
        #expect(Self.eventNames(past).isEmpty)
        await harness.stop()
    }

    @Test func lookupEventsErrors() async throws {
        let harness = try await Harness()
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
            #expect(Self.errorType(result.json) == prefix + type, "\(body.prefix(80))")
            #expect(result.json["message"]?.stringValue?.isEmpty == false)
        }
        let missingKey = try await harness.cloudTrail("LookupEvents", #"{"LookupAttributes":[{"AttributeValue":"A"}]}"#)
        #expect(Self.errorType(missingKey.json) == "com.amazon.coral.validate#ValidationException")
        let wrongType = try await harness.cloudTrail("LookupEvents", #"{"MaxResults":"5"}"#)
        #expect(Self.errorType(wrongType.json) == "com.amazon.coral.service#SerializationException")
        let insight = try await harness.cloudTrail("LookupEvents", #"{"EventCategory":"insight"}"#)
        #expect(insight.json == ["Events": []])
        await harness.stop()
    }

    @Test func historyIsPerAccountAndRegion() async throws {
        let harness = try await Harness()
        try await harness.dynamoDB("ListTables", key: "210987654321", region: "eu-west-1")
        try await harness.dynamoDB("DescribeLimits")
        let mine = try await harness.lookup(
            #"{"LookupAttributes":[{"AttributeKey":"EventSource","AttributeValue":"dynamodb.amazonaws.com"}]}"#)
        #expect(Self.eventNames(mine) == ["DescribeLimits"])
        let theirs = try await harness.lookup(
            #"{"LookupAttributes":[{"AttributeKey":"EventSource","AttributeValue":"dynamodb.amazonaws.com"}]}"#,
            key: "210987654321", region: "eu-west-1")
        #expect(Self.eventNames(theirs) == ["ListTables"])
        let otherRegion = try await harness.lookup(
            #"{"LookupAttributes":[{"AttributeKey":"EventSource","AttributeValue":"dynamodb.amazonaws.com"}]}"#,
            key: "210987654321", region: "us-east-1")
        #expect(Self.eventNames(otherRegion).isEmpty)
        await harness.stop()
    }

    @Test func cloudTrailCallsAreRecorded() async throws {
        let harness = try await Harness()
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
        await harness.stop()
    }

    @Test func historySurvivesARestart() async throws {
        let first = try await Harness()
        try await first.createTable("Music")
        let before = try await first.lookup(#"{"LookupAttributes":[{"AttributeKey":"ResourceName","AttributeValue":"Music"}]}"#)
        await first.server.server.shutdown()
        let bucket = first.server.bucket
        defer { try? FileManager.default.removeItem(at: bucket) }
        let second = try await Harness { $0.trail.bucket.path = bucket.path }
        var after: JSONValue = .null
        for _ in 0..<100 {
            after = try await second.lookup(#"{"LookupAttributes":[{"AttributeKey":"ResourceName","AttributeValue":"Music"}]}"#)
            if after["Events"]?.arrayValue?.isEmpty == false { break }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        #expect(after["Events"] == before["Events"])
        await second.server.server.shutdown()
    }

    // MARK: - ListPublicKeys

    @Test func listPublicKeysOverHTTP() async throws {
        let harness = try await Harness()
        let result = try await harness.cloudTrail("ListPublicKeys", #"{"StartTime":1700000000,"EndTime":1800000000}"#)
        #expect(result.json == ["PublicKeyList": []])
        let reversed = try await harness.cloudTrail("ListPublicKeys", #"{"StartTime":1800000000,"EndTime":1700000000}"#)
        #expect(Self.errorType(reversed.json) == "com.amazonaws.cloudtrail.v20131101#InvalidTimeRangeException")
        let token = try await harness.cloudTrail("ListPublicKeys", #"{"NextToken":"x"}"#)
        #expect(Self.errorType(token.json) == "com.amazonaws.cloudtrail.v20131101#InvalidTokenException")
        await harness.stop()
    }

    /// A key source with two fixed keys, recording what it was asked.
    final class StubKeys: PublicKeySource, @unchecked Sendable {
        let lock = NSLock()
        var asked: [(String, Date, Date)] = []
        let keys: [PublicKeyInfo]

        init(_ keys: [PublicKeyInfo]) { self.keys = keys }

        func publicKeys(region: String, from: Date, to: Date) -> [PublicKeyInfo] {
            lock.lock()
            asked.append((region, from, to))
            lock.unlock()
            return keys.filter { $0.validityStart <= to && $0.validityEnd >= from }
        }

        func latestDigestDelivery() -> Date? { Date(timeIntervalSince1970: 1_767_229_200) }
    }

    static func api(keys: StubKeys, clock: ManualWallClock) -> CloudTrailAPI {
        var settings = TrailSettings()
        settings.bucket.path = FileManager.default.temporaryDirectory.appendingPathComponent("unused-\(UUID())").path
        let recorder = TrailRecorder(settings: settings, journal: JournalSettings(), clock: clock, random: SeededRandomSource(seed: 1))
        return CloudTrailAPI(
            trail: settings, homeAccountId: Configuration().defaultAccount.accountId, recorder: recorder,
            history: EventHistory(clock: clock), publicKeys: keys, clock: clock)
    }

    static func context(region: String = "us-east-1") -> CallContext {
        CallContext(
            identity: CallerIdentity(type: .root, principalId: "123456789012", arn: nil, accountId: "123456789012", accessKeyId: nil),
            accountId: "123456789012", region: region, sourceIPAddress: "127.0.0.1", userAgent: "", requestId: "r",
            receivedAt: Date(), usedSessionCredentials: false)
    }

    @Test func listPublicKeysShapeAndWindow() async throws {
        let clock = ManualWallClock(Date(timeIntervalSince1970: 1_767_225_600))
        let der: [UInt8] = [0x30, 0x82, 0x01, 0x0A, 0x02, 0x82, 0x01, 0x01, 0x00]
        let old = PublicKeyInfo(
            der: der, fingerprint: Hex.encode(Digest.md5(der)), validityStart: Date(timeIntervalSince1970: 1_700_000_000),
            validityEnd: Date(timeIntervalSince1970: 1_750_000_000))
        let current = PublicKeyInfo(
            der: der + [1], fingerprint: Hex.encode(Digest.md5(der + [1])),
            validityStart: Date(timeIntervalSince1970: 1_750_000_000), validityEnd: Date(timeIntervalSince1970: 1_800_000_000.5))
        let keys = StubKeys([old, current])
        let api = Self.api(keys: keys, clock: clock)
        let all = try await api.handle(
            operation: "ListPublicKeys", input: ["StartTime": 1_600_000_000, "EndTime": 1_790_000_000],
            context: Self.context(region: "eu-west-1")
        ).get()
        let list = try #require(all["PublicKeyList"]?.arrayValue)
        #expect(list.count == 2)
        #expect(list[0].objectValue?.keys == ["Value", "ValidityStartTime", "ValidityEndTime", "Fingerprint"])
        #expect(list[0]["Value"] == .string(Data(der).base64EncodedString()))
        #expect(list[0]["Value"]?.stringValue?.hasPrefix("MIIBCgKCAQEA") == true)
        #expect(list[0]["Fingerprint"] == .string(Hex.encode(Digest.md5(der))))
        #expect(list[1]["ValidityEndTime"]?.numberValue?.doubleValue == 1_800_000_000.5)
        #expect(keys.asked.last?.0 == "eu-west-1")
        // No range: the key valid now.
        let now = try await api.handle(operation: "ListPublicKeys", input: [:], context: Self.context()).get()
        #expect(now["PublicKeyList"]?.arrayValue?.count == 1)
        #expect(keys.asked.last?.1 == clock.now())
        #expect(keys.asked.last?.2 == clock.now())
        // GetTrailStatus shows the digest source's last delivery.
        let status = try await api.handle(operation: "GetTrailStatus", input: ["Name": "dynamotrail"], context: Self.context()).get()
        #expect(status["LatestDigestDeliveryTime"] == .int(1_767_229_200))
    }

    @Test func recognizesOnlyItsOperations() {
        for operation in [
            "DescribeTrails", "GetTrail", "GetTrailStatus", "ListTrails", "ListPublicKeys", "LookupEvents", "StartLogging", "StopLogging",
        ] {
            #expect(CloudTrailAPI.recognizes(operation))
        }
        for operation in ["CreateTrail", "DeleteTrail", "PutEventSelectors", "describeTrails", ""] {
            #expect(!CloudTrailAPI.recognizes(operation))
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
