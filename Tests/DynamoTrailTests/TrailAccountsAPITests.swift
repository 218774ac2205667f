import AWSProtocol
import CloudTrail
import Foundation
import TestSupport
import Testing

@testable import DynamoTrail

/// The CloudTrail API per account: without an organization every account sees and switches only its own
/// trail; with one, member accounts see the management account's organization trail as a shadow trail.
@Suite struct TrailAccountsAPITests {
    static let alice = "123456789012"
    static let bob = "210987654321"
    static let aliceARN = "arn:aws:cloudtrail:us-east-1:123456789012:trail/dynamotrail"
    static let bobARN = "arn:aws:cloudtrail:us-east-1:210987654321:trail/dynamotrail"
    static let namespace = "com.amazonaws.cloudtrail.v20131101#"

    @Test func eachAccountSeesItsOwnTrailOnly() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            for (key, arn) in [(Self.alice, Self.aliceARN), (Self.bob, Self.bobARN)] {
                let described = try await harness.cloudTrail("DescribeTrails", key: key)
                #expect(described.json["trailList"]?.arrayValue?.first?["TrailARN"] == .string(arn))
                #expect(described.json["trailList"]?.arrayValue?.first?["IsOrganizationTrail"] == false)
                let listed = try await harness.cloudTrail("ListTrails", key: key)
                #expect(listed.json["Trails"]?.arrayValue?.first?["TrailARN"] == .string(arn))
                for name in ["dynamotrail", arn] {
                    let got = try await harness.cloudTrail("GetTrail", #"{"Name":"\#(name)"}"#, key: key)
                    #expect(got.json["Trail"]?["TrailARN"] == .string(arn))
                    #expect(try await harness.cloudTrail("GetTrailStatus", #"{"Name":"\#(name)"}"#, key: key).status == 200)
                }
            }
            // Another account's trail ARN is not found, and a name list naming it shows nothing.
            for operation in ["GetTrail", "GetTrailStatus", "StopLogging", "StartLogging"] {
                let other = try await harness.cloudTrail(operation, #"{"Name":"\#(Self.aliceARN)"}"#, key: Self.bob)
                #expect(other.status == 400)
                #expect(other.json.errorType == "\(Self.namespace)TrailNotFoundException")
                #expect(other.json["message"] == .string("Unknown trail: \(Self.aliceARN) for the user: \(Self.bob)"))
            }
            let list = try await harness.cloudTrail("DescribeTrails", #"{"trailNameList":["\#(Self.aliceARN)"]}"#, key: Self.bob)
            #expect(list.json["trailList"] == .array([]))
        }
    }

    @Test func stopLoggingByOneAccountStopsOnlyItsTrail() async throws {
        try await withHarness { (harness: CloudTrailAPIHarness) async throws in
            #expect(try await harness.cloudTrail("StopLogging", #"{"Name":"dynamotrail"}"#, key: Self.bob).status == 200)
            let bob = try await harness.cloudTrail("GetTrailStatus", #"{"Name":"dynamotrail"}"#, key: Self.bob)
            let alice = try await harness.cloudTrail("GetTrailStatus", #"{"Name":"dynamotrail"}"#, key: Self.alice)
            #expect(bob.json["IsLogging"] == false && bob.json["StopLoggingTime"] != nil)
            #expect(alice.json["IsLogging"] == true && alice.json["StopLoggingTime"] == nil)
            try await harness.dynamoDB("ListTables", key: Self.alice)
            try await harness.dynamoDB("ListTables", key: Self.bob)
            try await harness.flush()
            let names = harness.delivered().values.map {
                "\($0.value["recipientAccountId"]?.stringValue ?? "")/\($0.value["eventName"]?.stringValue ?? "")"
            }
            #expect(names.sorted() == ["\(Self.alice)/GetTrailStatus", "\(Self.alice)/ListTables", "\(Self.bob)/StopLogging"])
        }
    }

    @Test func memberAccountsSeeTheOrganizationTrailAsAShadowTrail() async throws {
        try await withHarness(configure: { $0.trail.organizationId = "o-exampleorgid" }) { (harness: CloudTrailAPIHarness) async throws in
            for key in [Self.alice, Self.bob] {
                let described = try await harness.cloudTrail("DescribeTrails", key: key)
                #expect(described.json["trailList"]?.arrayValue?.first?["TrailARN"] == .string(Self.aliceARN))
                #expect(described.json["trailList"]?.arrayValue?.first?["IsOrganizationTrail"] == true)
                let byARN = try await harness.cloudTrail("GetTrailStatus", #"{"Name":"\#(Self.aliceARN)"}"#, key: key)
                #expect(byARN.json["IsLogging"] == true)
            }
            // The management account sees its own trail; a member account only as a shadow trail, by ARN.
            let own = try await harness.cloudTrail("DescribeTrails", #"{"includeShadowTrails":false}"#, key: Self.alice)
            #expect(own.json["trailList"]?.arrayValue?.count == 1)
            let shadow = try await harness.cloudTrail("DescribeTrails", #"{"includeShadowTrails":false}"#, key: Self.bob)
            #expect(shadow.json["trailList"] == .array([]))
            let byName = try await harness.cloudTrail("GetTrailStatus", #"{"Name":"dynamotrail"}"#, key: Self.bob)
            #expect(byName.json["message"] == .string("Unknown trail: dynamotrail for the user: \(Self.bob)"))
            let memberStop = try await harness.cloudTrail("StopLogging", #"{"Name":"\#(Self.aliceARN)"}"#, key: Self.bob)
            #expect(memberStop.json.errorType == "\(Self.namespace)NotOrganizationMasterAccountException")
            // The management account stops the organization trail: every account's recording.
            #expect(try await harness.cloudTrail("StopLogging", #"{"Name":"dynamotrail"}"#, key: Self.alice).status == 200)
            let status = try await harness.cloudTrail("GetTrailStatus", #"{"Name":"\#(Self.aliceARN)"}"#, key: Self.bob)
            #expect(status.json["IsLogging"] == false)
            try await harness.dynamoDB("ListTables", key: Self.bob)
            try await harness.flush()
            let records = harness.delivered().values
            #expect(!records.contains { $0.value["eventName"] == "ListTables" })
            let keys = records.map(\.key)
            #expect(keys.allSatisfy { $0.hasPrefix("AWSLogs/o-exampleorgid/") })
            #expect(keys.contains { $0.hasPrefix("AWSLogs/o-exampleorgid/\(Self.bob)/CloudTrail/us-east-1/") })
        }
    }
}
