import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Real requests to mutate: the 167 requests of `Tests/SDK/dynamodb_invalid_requests.json` (with
/// their setup calls) and a valid body for every served control-plane operation. Immutable.
public enum FuzzCorpus {
    /// One DynamoDB or DynamoDB Streams call: `streams` says which target prefix.
    public struct Call: Sendable {
        public var streams: Bool
        public var operation: String
        public var body: String
    }

    static let arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music"
    static let streamArn = arn + "/stream/2026-01-01T00:00:00.000"

    /// Valid requests, one or more per served operation, against a table named `Music`.
    public static let validCalls: [Call] = [
        Call(
            streams: false, operation: "CreateTable",
            body:
                #"{"TableName":"Music","AttributeDefinitions":[{"AttributeName":"Artist","AttributeType":"S"},{"AttributeName":"Song","AttributeType":"S"},{"AttributeName":"Year","AttributeType":"N"}],"KeySchema":[{"AttributeName":"Artist","KeyType":"HASH"},{"AttributeName":"Song","KeyType":"RANGE"}],"LocalSecondaryIndexes":[{"IndexName":"ByYear","KeySchema":[{"AttributeName":"Artist","KeyType":"HASH"},{"AttributeName":"Year","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],"GlobalSecondaryIndexes":[{"IndexName":"BySong","KeySchema":[{"AttributeName":"Song","KeyType":"HASH"}],"Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["Album"]},"ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5}}],"ProvisionedThroughput":{"ReadCapacityUnits":10,"WriteCapacityUnits":5},"StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"},"SSESpecification":{"Enabled":true,"SSEType":"KMS"},"Tags":[{"Key":"team","Value":"audio"}],"TableClass":"STANDARD","DeletionProtectionEnabled":false}"#
        ),
        Call(
            streams: false, operation: "CreateTable",
            body:
                #"{"TableName":"Music","AttributeDefinitions":[{"AttributeName":"Artist","AttributeType":"S"}],"KeySchema":[{"AttributeName":"Artist","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST","OnDemandThroughput":{"MaxReadRequestUnits":100}}"#
        ),
        Call(
            streams: false, operation: "UpdateTable",
            body: #"{"TableName":"Music","ProvisionedThroughput":{"ReadCapacityUnits":20,"WriteCapacityUnits":10}}"#),
        Call(
            streams: false, operation: "UpdateTable",
            body:
                #"{"TableName":"Music","AttributeDefinitions":[{"AttributeName":"Album","AttributeType":"S"}],"GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"ByAlbum","KeySchema":[{"AttributeName":"Album","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"},"ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}}]}"#
        ),
        Call(
            streams: false, operation: "UpdateTable",
            body:
                #"{"TableName":"Music","BillingMode":"PAY_PER_REQUEST","StreamSpecification":{"StreamEnabled":false},"DeletionProtectionEnabled":true}"#
        ),
        Call(streams: false, operation: "DescribeTable", body: #"{"TableName":"Music"}"#),
        Call(streams: false, operation: "ListTables", body: #"{"ExclusiveStartTableName":"A","Limit":10}"#),
        Call(streams: false, operation: "DeleteTable", body: #"{"TableName":"\#(arn)"}"#),
        Call(streams: false, operation: "TagResource", body: #"{"ResourceArn":"\#(arn)","Tags":[{"Key":"a","Value":"b"}]}"#),
        Call(streams: false, operation: "UntagResource", body: #"{"ResourceArn":"\#(arn)","TagKeys":["a"]}"#),
        Call(streams: false, operation: "ListTagsOfResource", body: #"{"ResourceArn":"\#(arn)","NextToken":"x"}"#),
        Call(streams: false, operation: "DescribeTimeToLive", body: #"{"TableName":"Music"}"#),
        Call(
            streams: false, operation: "UpdateTimeToLive",
            body: #"{"TableName":"Music","TimeToLiveSpecification":{"Enabled":true,"AttributeName":"ttl"}}"#),
        Call(streams: false, operation: "DescribeContinuousBackups", body: #"{"TableName":"Music"}"#),
        Call(
            streams: false, operation: "UpdateContinuousBackups",
            body: #"{"TableName":"Music","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true,"RecoveryPeriodInDays":7}}"#),
        Call(streams: false, operation: "DescribeLimits", body: "{}"),
        Call(streams: false, operation: "DescribeEndpoints", body: "{}"),
        Call(
            streams: false, operation: "DescribeReservedCapacityOfferings",
            body: #"{"CapacityUnitType":"READ","Duration":31536000,"MaxResults":5}"#),
        Call(
            streams: false, operation: "PurchaseReservedCapacityOfferings",
            body: #"{"ReservedCapacityOfferingId":"x","CapacityUnits":100}"#),
        Call(streams: false, operation: "DescribeReservedCapacity", body: #"{"State":"active"}"#),
        Call(streams: true, operation: "ListStreams", body: #"{"TableName":"Music","Limit":5}"#),
        Call(streams: true, operation: "DescribeStream", body: #"{"StreamArn":"\#(streamArn)","Limit":10}"#),
        Call(
            streams: true, operation: "GetShardIterator",
            body: #"{"StreamArn":"\#(streamArn)","ShardId":"shardId-00000000000000000000-00000000","ShardIteratorType":"TRIM_HORIZON"}"#),
    ]

    /// The invalid requests and their setup calls, read from `Tests/SDK/dynamodb_invalid_requests.json`.
    public static func invalidCalls(file: String = #filePath) throws -> [Call] {
        let url = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SDK/dynamodb_invalid_requests.json")
        let cases = try JSONParser.parse(Array(try Data(contentsOf: url))).arrayValue ?? []
        var calls: [Call] = []
        for item in cases {
            for setup in item["setup"]?.arrayValue ?? [] {
                guard let operation = setup["operation"]?.stringValue, let input = setup["input"] else { continue }
                calls.append(Call(streams: false, operation: operation, body: JSONWriter.string(input)))
            }
            guard let operation = item["operation"]?.stringValue, let input = item["input"] else { continue }
            calls.append(Call(streams: item["service"] == "streams", operation: operation, body: JSONWriter.string(input)))
        }
        return calls
    }

    /// Every corpus call.
    public static func allCalls() throws -> [Call] { validCalls + (try invalidCalls()) }
}
