import AWSProtocol
import Testing

@testable import DynamoDBControlPlane

@Suite struct AroundTheTableTests {
    let arn: JSONValue = "arn:aws:dynamodb:us-east-1:123456789012:table/tagged"

    @Test func tagsAddReplaceRemoveAndList() async throws {
        let h = Harness()
        try await h.createBasic("tagged", ["Tags": [["Key": "a", "Value": "1"]]])
        #expect(try await h.ok("TagResource", ["ResourceArn": arn, "Tags": [["Key": "b", "Value": "2"], ["Key": "a", "Value": "3"]]]) == [:])
        let listed = try await h.ok("ListTagsOfResource", ["ResourceArn": arn])
        #expect(JSONWriter.string(listed) == #"{"Tags":[{"Key":"a","Value":"3"},{"Key":"b","Value":"2"}]}"#)
        try await h.ok("UntagResource", ["ResourceArn": arn, "TagKeys": ["a", "zzz"]])
        #expect(try await h.ok("ListTagsOfResource", ["ResourceArn": arn])["Tags"]?.arrayValue?.count == 1)
        let missing = await h.fail("ListTagsOfResource", ["ResourceArn": "arn:aws:dynamodb:us-east-1:123456789012:table/nope"])
        #expect(missing?.message == "Requested resource not found: ResourcArn: arn:aws:dynamodb:us-east-1:123456789012:table/nope not found")
        let tooMany: [JSONValue] = (0..<50).map { ["Key": .string("k\($0)"), "Value": "v"] }
        #expect(await h.fail("TagResource", ["ResourceArn": arn, "Tags": .array(tooMany)])?.message
            == "Number of Tags exceed the current limit for the provided ResourceArn")
    }

    @Test func timeToLive() async throws {
        let h = Harness()
        try await h.createBasic("ttl")
        #expect(JSONWriter.string(try await h.ok("DescribeTimeToLive", ["TableName": "ttl"]))
            == #"{"TimeToLiveDescription":{"TimeToLiveStatus":"DISABLED"}}"#)
        let spec: JSONValue = ["Enabled": true, "AttributeName": "expires"]
        #expect(try await h.ok("UpdateTimeToLive", ["TableName": "ttl", "TimeToLiveSpecification": spec]) == ["TimeToLiveSpecification": spec])
        #expect(JSONWriter.string(try await h.ok("DescribeTimeToLive", ["TableName": "ttl"]))
            == #"{"TimeToLiveDescription":{"TimeToLiveStatus":"ENABLED","AttributeName":"expires"}}"#)
        #expect(await h.fail("UpdateTimeToLive", ["TableName": "ttl", "TimeToLiveSpecification": spec])?.message == "TimeToLive is already enabled")
    }

    @Test func continuousBackups() async throws {
        let h = Harness()
        try await h.createBasic("pitr")
        #expect(JSONWriter.string(try await h.ok("DescribeContinuousBackups", ["TableName": "pitr"]))
            == #"{"ContinuousBackupsDescription":{"ContinuousBackupsStatus":"ENABLED","PointInTimeRecoveryDescription":{"PointInTimeRecoveryStatus":"DISABLED"}}}"#)
        let on = try await h.ok(
            "UpdateContinuousBackups", ["TableName": "pitr", "PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": true]])
        let recovery = try #require(on["ContinuousBackupsDescription"]?["PointInTimeRecoveryDescription"])
        #expect(recovery.keys == ["PointInTimeRecoveryStatus", "RecoveryPeriodInDays", "EarliestRestorableDateTime", "LatestRestorableDateTime"])
        #expect(recovery["RecoveryPeriodInDays"] == 35)
        let bad = await h.fail(
            "UpdateContinuousBackups",
            ["TableName": "pitr", "PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": true, "RecoveryPeriodInDays": 36]])
        #expect(bad?.message == "1 validation error detected: Value '36' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 35")
    }

    @Test func limitsAndEndpoints() async throws {
        let h = Harness()
        #expect(JSONWriter.string(try await h.ok("DescribeLimits", [:]))
            == #"{"AccountMaxReadCapacityUnits":80000,"AccountMaxWriteCapacityUnits":80000,"TableMaxReadCapacityUnits":40000,"TableMaxWriteCapacityUnits":40000}"#)
        #expect(JSONWriter.string(try await h.ok("DescribeEndpoints", [:], region: "eu-west-1"))
            == #"{"Endpoints":[{"Address":"dynamodb.eu-west-1.amazonaws.com","CachePeriodInMinutes":1440}]}"#)
    }

    @Test func unservedOperationsAnswerA400() async throws {
        let h = Harness()
        for operation in DynamoDBControlPlane.dataPlaneOperations.union(DynamoDBControlPlane.otherDynamoDBOperations) {
            let error = await h.fail(operation, [:])
            #expect(error?.type == "com.amazon.coral.validate#ValidationException")
            #expect(error?.httpStatus == 400)
            #expect(error?.message?.contains(operation) == true)
        }
        #expect(await h.fail("NoSuchThing", [:]) == AWSServiceError.unknownOperation)
    }

    @Test func nonObjectBodyIsASerializationError() async throws {
        let h = Harness()
        #expect(await h.fail("ListTables", [1, 2]) == AWSServiceError.serialization)
    }
}
