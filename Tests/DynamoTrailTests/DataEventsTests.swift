import AWSProtocol
import CloudTrail
import Foundation
import TestSupport
import Testing

@testable import DynamoTrail

/// Item calls as CloudTrail data events, end to end through the server: PutEventSelectors and
/// GetEventSelectors, what each selector lets into the log files, and LookupEvents leaving data events out.
@Suite struct DataEventsTests {
    static let allTables =
        #"{"TrailName":"dynamotrail","EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[{"Type":"AWS::DynamoDB::Table","Values":["arn:aws:dynamodb"]}]}]}"#

    /// An item call; answers the response's status and body.
    static func item(_ harness: CloudTrailAPIHarness, _ operation: String, _ body: String, key: String = "AKIAIOSFODNN7EXAMPLE")
        async throws -> (status: Int, json: JSONValue)
    {
        var headers = CloudTrailAPIHarness.headers(service: "dynamodb", key: key, region: nil)
        headers["X-Amz-Target"] = "DynamoDB_20120810." + operation
        headers["Content-Type"] = "application/x-amz-json-1.0"
        let response = try await harness.send("POST", "/", headers: headers, body: Array(body.utf8))
        return (response.status, (try? JSONParser.parse(response.body)) ?? .null)
    }

    static let putItem =
        #"{"TableName":"Music","Item":{"k":{"S":"No One You Know"},"AlbumTitle":{"S":"secret"}},"ReturnConsumedCapacity":"TOTAL"}"#

    static func records(_ harness: CloudTrailAPIHarness, named name: String) -> [JSONValue] {
        harness.delivered().values.map(\.value).filter { $0["eventName"]?.stringValue == name }
    }

    @Test func aDefaultTrailRecordsNoDataEventAndAnswersTheDefaultSelector() async throws {
        try await withHarness { harness in
            try await harness.createTable("Music")
            _ = try await Self.item(harness, "PutItem", Self.putItem)
            let selectors = try await harness.cloudTrail("GetEventSelectors", #"{"TrailName":"dynamotrail"}"#)
            #expect(selectors.status == 200)
            #expect(
                JSONWriter.string(selectors.json)
                    == #"{"TrailARN":"\#(CloudTrailAPIHarness.trailARN)","EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[],"ExcludeManagementEventSources":[]}]}"#
            )
            try await harness.flush()
            #expect(Self.records(harness, named: "PutItem").isEmpty)
            #expect(Self.records(harness, named: "CreateTable").count == 1)
            let trail = try await harness.cloudTrail("GetTrail", #"{"Name":"dynamotrail"}"#)
            #expect(trail.json["Trail"]?["HasCustomEventSelectors"] == false)
        }
    }

    @Test func selectedItemCallsBecomeDataEventsInTheLogButNotInLookupEvents() async throws {
        try await withHarness { harness in
            try await harness.createTable("Music")
            let put = try await harness.cloudTrail("PutEventSelectors", Self.allTables)
            #expect(put.status == 200, "\(put.response.text)")
            #expect(
                JSONWriter.string(put.json)
                    == #"{"TrailARN":"\#(CloudTrailAPIHarness.trailARN)","EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[{"Type":"AWS::DynamoDB::Table","Values":["arn:aws:dynamodb"]}],"ExcludeManagementEventSources":[]}]}"#
            )
            let got = try await harness.cloudTrail("GetEventSelectors", #"{"TrailName":"\#(CloudTrailAPIHarness.trailARN)"}"#)
            #expect(got.json == put.json)
            let trail = try await harness.cloudTrail("GetTrail", #"{"Name":"dynamotrail"}"#)
            #expect(trail.json["Trail"]?["HasCustomEventSelectors"] == true)

            let answer = try await Self.item(harness, "PutItem", Self.putItem)
            try await harness.flush()
            let record = try #require(Self.records(harness, named: "PutItem").first)
            #expect(record["eventCategory"] == "Data")
            #expect(record["managementEvent"] == false)
            #expect(record["readOnly"] == false)
            #expect(record["eventType"] == "AwsApiCall")
            #expect(record["apiVersion"] == "2012-08-10")
            #expect(record["recipientAccountId"] == "123456789012")
            #expect(record["responseElements"] == .null)
            #expect(
                JSONWriter.string(record["requestParameters"] ?? .null)
                    == #"{"tableName":"Music","key":{"k":"No One You Know"},"item":["k","AlbumTitle"],"returnConsumedCapacity":"TOTAL"}"#)
            #expect(
                JSONWriter.string(record["resources"] ?? .null)
                    == #"[{"accountId":"123456789012","type":"AWS::DynamoDB::Table","ARN":"arn:aws:dynamodb:us-east-1:123456789012:table/Music"}]"#
            )
            #expect(!JSONWriter.string(record).contains("secret"))
            if answer.status != 200 {
                // Answered with an error (item operations not served yet): recorded with it.
                #expect(record["errorCode"]?.stringValue == answer.json.errorType?.split(separator: "#").last.map(String.init))
                #expect(record["errorMessage"] == answer.json["message"] ?? answer.json["Message"])
            }
            #expect(
                record.objectValue?.keys.suffix(7) == [
                    "readOnly", "resources", "eventType", "apiVersion", "managementEvent", "recipientAccountId", "eventCategory",
                ])
            let lookup = try await harness.lookup(#"{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"PutItem"}]}"#)
            #expect(lookup["Events"]?.arrayValue?.isEmpty == true)
            let all = try await harness.lookup("{}")
            #expect(all["Events"]?.arrayValue?.contains { $0["EventName"] == "PutEventSelectors" } == true)
        }
    }

    @Test func advancedSelectorsChooseOperationsAndTables() async throws {
        try await withHarness { harness in
            try await harness.createTable("Music")
            try await harness.createTable("Other")
            let selectors = #"""
                {"TrailName":"dynamotrail","AdvancedEventSelectors":[
                  {"Name":"management","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]},
                  {"Name":"Music reads","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},
                    {"Field":"resources.type","Equals":["AWS::DynamoDB::Table"]},{"Field":"eventName","Equals":["GetItem"]},
                    {"Field":"resources.ARN","Equals":["arn:aws:dynamodb:us-east-1:123456789012:table/Music"]}]}]}
                """#
            let put = try await harness.cloudTrail("PutEventSelectors", selectors)
            #expect(put.status == 200, "\(put.response.text)")
            #expect(put.json["AdvancedEventSelectors"]?.arrayValue?.count == 2)
            #expect(put.json["EventSelectors"] == nil)
            _ = try await Self.item(harness, "PutItem", Self.putItem)
            _ = try await Self.item(
                harness, "GetItem",
                ##"{"TableName":"Music","Key":{"k":{"S":"a"}},"ProjectionExpression":"#t","ExpressionAttributeNames":{"#t":"AlbumTitle"}}"##
            )
            _ = try await Self.item(harness, "GetItem", #"{"TableName":"Other","Key":{"k":{"S":"a"}}}"#)
            try await harness.flush()
            #expect(Self.records(harness, named: "PutItem").isEmpty)
            let gets = Self.records(harness, named: "GetItem")
            #expect(gets.count == 1)
            let get = try #require(gets.first)
            #expect(get["readOnly"] == true)
            #expect(
                JSONWriter.string(get["requestParameters"] ?? .null)
                    == ##"{"tableName":"Music","key":{"k":"a"},"projectionExpression":"#t","expressionAttributeNames":{"#t":"AlbumTitle"}}"##
            )
            #expect(Self.records(harness, named: "CreateTable").count == 2)
        }
    }

    @Test func putEventSelectorsRefusesAsCloudTrailDoes() async throws {
        try await withHarness { harness in
            let cases: [(String, String, String, String?)] = [
                (
                    #"{"EventSelectors":[{}]}"#, "us-east-1", "ValidationException",
                    "1 validation error detected: Value null at 'trailName' failed to satisfy constraint: Member must not be null"
                ),
                (
                    #"{"TrailName":"dynamotrail","EventSelectors":[{}],"AdvancedEventSelectors":[]}"#, "us-east-1",
                    "InvalidEventSelectorsException",
                    "You can use either EventSelectors or AdvancedEventSelectors, but not both."
                ),
                (
                    #"{"TrailName":"dynamotrail","EventSelectors":[{"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::*"]}]}]}"#,
                    "us-east-1", "InvalidEventSelectorsException", "Value arn:aws:s3:::* for DataResources.Values is invalid."
                ),
                (
                    #"{"TrailName":"other","EventSelectors":[{}]}"#, "us-east-1", "TrailNotFoundException",
                    "Unknown trail: other for the user: 123456789012"
                ),
                (#"{"TrailName":"dynamotrail","EventSelectors":[{}]}"#, "eu-west-1", "InvalidHomeRegionException", nil),
                (
                    #"{"TrailName":"dynamotrail","EventSelectors":{}}"#, "us-east-1", "SerializationException",
                    "Start of structure or map found where not expected"
                ),
            ]
            for (body, region, type, message) in cases {
                let result = try await harness.cloudTrail("PutEventSelectors", body, region: region)
                #expect(result.status == 400, "\(body)")
                #expect(result.json.errorType?.hasSuffix(type) == true, "\(body): \(result.response.text)")
                if let message { #expect(result.json["message"]?.stringValue ?? result.json["Message"]?.stringValue == message, "\(body)") }
            }
            let unchanged = try await harness.cloudTrail("GetEventSelectors", #"{"TrailName":"dynamotrail"}"#)
            #expect(unchanged.json["EventSelectors"]?.arrayValue?.first?["DataResources"] == [])
        }
    }

    /// Each account has its own trail and its own selectors: one account's data events do not turn on another's.
    @Test func eachAccountSetsItsOwnTrailsSelectors() async throws {
        try await withHarness { harness in
            let other = "210987654321"
            try await harness.createTable("Music")
            let put = try await harness.cloudTrail("PutEventSelectors", Self.allTables)
            #expect(put.status == 200)
            try await harness.dynamoDB(
                "CreateTable",
                #"{"TableName":"Music","AttributeDefinitions":[{"AttributeName":"k","AttributeType":"S"}],"KeySchema":[{"AttributeName":"k","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}"#,
                key: other)
            _ = try await Self.item(harness, "PutItem", Self.putItem)
            _ = try await Self.item(harness, "PutItem", Self.putItem, key: other)
            let otherSelectors = try await harness.cloudTrail("GetEventSelectors", #"{"TrailName":"dynamotrail"}"#, key: other)
            #expect(otherSelectors.json["EventSelectors"]?.arrayValue?.first?["DataResources"] == [])
            try await harness.flush()
            let puts = Self.records(harness, named: "PutItem")
            #expect(puts.map { $0["recipientAccountId"] } == ["123456789012"])
        }
    }

    /// The organization trail's selectors are set by the management account for every account; a member is refused.
    @Test func theOrganizationTrailsSelectorsAreSetByTheManagementAccountForAll() async throws {
        try await withHarness(configure: { $0.trail.organizationId = "o-exampleorgid" }) { harness in
            let member = "210987654321"
            let orgARN = CloudTrailAPIHarness.trailARN
            let refused = try await harness.cloudTrail(
                "PutEventSelectors", Self.allTables.replacing(#""TrailName":"dynamotrail""#, with: #""TrailName":"\#(orgARN)""#),
                key: member)
            #expect(refused.json.errorType?.hasSuffix("NotOrganizationMasterAccountException") == true, "\(refused.response.text)")
            let put = try await harness.cloudTrail("PutEventSelectors", Self.allTables)
            #expect(put.status == 200)
            let seen = try await harness.cloudTrail("GetEventSelectors", #"{"TrailName":"\#(orgARN)"}"#, key: member)
            #expect(seen.json == put.json)
            try await harness.dynamoDB(
                "CreateTable",
                #"{"TableName":"Music","AttributeDefinitions":[{"AttributeName":"k","AttributeType":"S"}],"KeySchema":[{"AttributeName":"k","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}"#,
                key: member)
            _ = try await Self.item(harness, "PutItem", Self.putItem, key: member)
            try await harness.flush()
            #expect(Self.records(harness, named: "PutItem").map { $0["recipientAccountId"] } == [.string(member)])
        }
    }

    /// Management events follow IncludeManagementEvents in the log files; the event history keeps every one.
    @Test func excludedManagementEventsLeaveTheLogButStayInLookupEvents() async throws {
        try await withHarness { harness in
            let selectors =
                #"{"TrailName":"dynamotrail","EventSelectors":[{"IncludeManagementEvents":false,"DataResources":[{"Type":"AWS::DynamoDB::Table","Values":["arn:aws:dynamodb"]}]}]}"#
            let put = try await harness.cloudTrail("PutEventSelectors", selectors)
            #expect(put.status == 200)
            try await harness.createTable("Music")
            _ = try await Self.item(harness, "PutItem", Self.putItem)
            try await harness.flush()
            #expect(Self.records(harness, named: "CreateTable").isEmpty)
            #expect(Self.records(harness, named: "PutItem").count == 1)
            let lookup = try await harness.lookup(#"{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"CreateTable"}]}"#)
            #expect(lookup["Events"]?.arrayValue?.count == 1)
        }
    }
}
