import AWSProtocol
import Foundation
import TestSupport
import Testing

@testable import CloudTrailService
@testable import DynamoTrail

/// DescribeTrails, GetTrail and ListTrails: the one configured trail, and the errors for other names.
@Suite struct CloudTrailTrailsTests {
    static let trailARN = CloudTrailAPIHarness.trailARN

    @Test func describeTrailsAnswersJSON11OverASocket() async throws {
        try await withHarness(listening: true) { (harness: CloudTrailAPIHarness) async throws in
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
        }
    }

    /// The short target prefix (Go SDK v2) is served too.
    @Test func describeTrailsAnswersTheShortTargetPrefix() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            let result = try await harness.cloudTrail("DescribeTrails")
            let short = try await harness.cloudTrail("DescribeTrails", prefix: "CloudTrail_20131101.")
            #expect(short.json == result.json)
        }
    }

    /// Name lists: by name, by ARN, unknown names ignored.
    @Test func describeTrailsFiltersByNameOrARN() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            for (list, count) in [(#"["dynamotrail"]"#, 1), (#"["\#(Self.trailARN)"]"#, 1), (#"["other"]"#, 0), ("[]", 1)] {
                let listed = try await harness.cloudTrail("DescribeTrails", #"{"trailNameList":\#(list)}"#)
                #expect(listed.json["trailList"]?.arrayValue?.count == count, "\(list)")
            }
        }
    }

    /// A shadow trail outside the home region, hidden by includeShadowTrails: false.
    @Test func describeTrailsShowsAShadowTrailOutsideTheHomeRegion() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            let shadow = try await harness.cloudTrail("DescribeTrails", #"{"includeShadowTrails":false}"#, region: "eu-west-1")
            #expect(shadow.json["trailList"]?.arrayValue?.isEmpty == true)
            let shown = try await harness.cloudTrail("DescribeTrails", #"{"includeShadowTrails":true}"#, region: "eu-west-1")
            #expect(shown.json["trailList"]?.arrayValue?.count == 1)
        }
    }

    @Test func describeTrailsRejectsANameListOfTheWrongType() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            let badType = try await harness.cloudTrail("DescribeTrails", #"{"trailNameList":"x"}"#)
            #expect(badType.status == 400)
            #expect(badType.json.errorType == "com.amazon.coral.service#SerializationException")
        }
    }

    @Test func trailReflectsTheConfiguration() async throws {
        let configure: (inout Configuration) -> Void = { configuration in
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
        try await withHarness(configure: configure) { (harness: CloudTrailAPIHarness) async throws in
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
        }
    }

    @Test func getTrailFindsTheTrailByNameOrARN() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            for name in ["dynamotrail", Self.trailARN] {
                let result = try await harness.cloudTrail("GetTrail", #"{"Name":"\#(name)"}"#)
                #expect(result.status == 200)
                #expect(result.json["Trail"]?["Name"] == "dynamotrail")
            }
        }
    }

    @Test func listTrailsListsTheOneTrail() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            let list = try await harness.cloudTrail("ListTrails")
            #expect(
                list.json
                    == ["Trails": [["TrailARN": .string(Self.trailARN), "Name": "dynamotrail", "HomeRegion": "us-east-1"]]])
        }
    }

    @Test func unknownOrInvalidTrailNamesAreRefused() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
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
                #expect(result.json.errorType == "com.amazonaws.cloudtrail.v20131101#\(type)", "\(operation) \(body)")
                if let message { #expect(result.json["message"] == .string(message)) }
            }
        }
    }

    @Test func anUnknownTrailErrorNamesTheCallersAccount() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            let other = try await harness.cloudTrail("GetTrail", #"{"Name":"nope"}"#, key: "210987654321")
            #expect(other.json["message"] == "Unknown trail: nope for the user: 210987654321")
        }
    }

    @Test func aMissingOrMistypedNameFailsValidation() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            let missing = try await harness.cloudTrail("GetTrail")
            #expect(missing.json.errorType == "com.amazon.coral.validate#ValidationException")
            let wrongType = try await harness.cloudTrail("GetTrail", #"{"Name":5}"#)
            #expect(wrongType.json["Message"] == "NUMBER_VALUE cannot be converted to String")
        }
    }

    @Test func unsupportedOperationsAreUnknown() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            let unknown = try await harness.cloudTrail("CreateTrail", #"{"Name":"x","S3BucketName":"b"}"#)
            #expect(unknown.json.errorType == "com.amazon.coral.service#UnknownOperationException")
        }
    }

    @Test func recognizesOnlyItsOperations() {
        for operation in [
            "DescribeTrails", "GetTrail", "GetTrailStatus", "ListTrails", "ListPublicKeys", "LookupEvents", "StartLogging", "StopLogging",
            "PutEventSelectors", "GetEventSelectors",
        ] {
            #expect(CloudTrailAPI.recognizes(operation))
        }
        for operation in ["CreateTrail", "DeleteTrail", "PutInsightSelectors", "describeTrails", ""] {
            #expect(!CloudTrailAPI.recognizes(operation))
        }
    }
}
