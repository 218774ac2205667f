import AWSProtocol
import Foundation
import TestSupport
import Testing

@testable import DynamoTrail

/// PutItem, GetItem, UpdateItem and DeleteItem through the whole server (router, pipeline, control plane),
/// in memory: answers, conditions, return values, capacity, table lifecycle and DescribeTable's figures.
@Suite struct ItemOperationsTests {
    static let target = "DynamoDB_20120810."
    static let table =
        #"{"TableName":"Items","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},"#
        + #"{"AttributeName":"g","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"#
        + #""GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"#
        + #""Projection":{"ProjectionType":"ALL"},"ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}],"#
        + #""ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5}}"#

    /// The answer's JSON, after checking the status.
    static func answer(_ server: TestServer, _ operation: String, _ body: String, status: Int = 200) async throws -> JSONValue {
        let response = await server.call(target + operation, body)
        #expect(response.status == status, "\(operation): \(response.text)")
        return try JSONParser.parse(response.body)
    }

    @Test func putGetUpdateDeleteRoundTrip() async throws {
        try await withServer(listening: false) { server in
            _ = try await Self.answer(server, "CreateTable", Self.table)
            let put = try await Self.answer(
                server, "PutItem",
                #"{"TableName":"Items","Item":{"pk":{"S":"a"},"n":{"N":"1.50"},"s":{"SS":["x","y"]},"b":{"B":"AAE="}},"#
                    + #""ReturnConsumedCapacity":"TOTAL"}"#)
            #expect(put["ConsumedCapacity"] == ["TableName": "Items", "CapacityUnits": .double(1)])
            let got = try await Self.answer(server, "GetItem", #"{"TableName":"Items","Key":{"pk":{"S":"a"}}}"#)
            #expect(got["Item"]?["n"] == ["N": "1.5"])
            #expect(got["Item"]?["b"] == ["B": "AAE="])
            let updated = try await Self.answer(
                server, "UpdateItem",
                #"{"TableName":"Items","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET n = n + :one ADD s :z","#
                    + #""ConditionExpression":"attribute_exists(pk)","ExpressionAttributeValues":{":one":{"N":"1"},":z":{"SS":["z"]}},"#
                    + #""ReturnValues":"UPDATED_NEW"}"#)
            #expect(updated["Attributes"]?["n"] == ["N": "2.5"])
            #expect(updated["Attributes"]?["s"] == ["SS": ["x", "y", "z"]])
            let deleted = try await Self.answer(
                server, "DeleteItem", #"{"TableName":"Items","Key":{"pk":{"S":"a"}},"ReturnValues":"ALL_OLD"}"#)
            #expect(deleted["Attributes"]?["pk"] == ["S": "a"])
            let gone = try await Self.answer(server, "GetItem", #"{"TableName":"Items","Key":{"pk":{"S":"a"}}}"#)
            #expect(gone == .object(JSONObject()))
        }
    }

    @Test func failedConditionCarriesTheOldItemWhenAsked() async throws {
        try await withServer(listening: false) { server in
            _ = try await Self.answer(server, "CreateTable", Self.table)
            _ = try await Self.answer(server, "PutItem", #"{"TableName":"Items","Item":{"pk":{"S":"a"},"v":{"N":"1"}}}"#)
            let failed = try await Self.answer(
                server, "PutItem",
                #"{"TableName":"Items","Item":{"pk":{"S":"a"}},"ConditionExpression":"attribute_not_exists(pk)","#
                    + #""ReturnValuesOnConditionCheckFailure":"ALL_OLD"}"#, status: 400)
            #expect(failed["__type"] == "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException")
            #expect(failed["message"] == "The conditional request failed")
            #expect(failed["Item"] == ["pk": ["S": "a"], "v": ["N": "1"]])
        }
    }

    @Test func writesToAnIndexedItemChargeTheIndexToo() async throws {
        try await withServer(listening: false) { server in
            _ = try await Self.answer(server, "CreateTable", Self.table)
            let put = try await Self.answer(
                server, "PutItem",
                #"{"TableName":"Items","Item":{"pk":{"S":"a"},"g":{"S":"x"}},"ReturnConsumedCapacity":"INDEXES"}"#)
            #expect(put["ConsumedCapacity"]?["CapacityUnits"] == .double(2))
            #expect(put["ConsumedCapacity"]?["Table"] == ["CapacityUnits": .double(1)])
            #expect(put["ConsumedCapacity"]?["GlobalSecondaryIndexes"]?["byG"] == ["CapacityUnits": .double(1)])
            let wrongType = try await Self.answer(
                server, "PutItem", #"{"TableName":"Items","Item":{"pk":{"S":"b"},"g":{"N":"1"}}}"#, status: 400)
            #expect(
                wrongType["message"]
                    == "One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N IndexName: byG")
            let byArn = try await Self.answer(
                server, "PutItem",
                #"{"TableName":"arn:aws:dynamodb:us-east-1:123456789012:table/Items","Item":{"pk":{"S":"c"}},"#
                    + #""ReturnConsumedCapacity":"TOTAL"}"#)
            #expect(byArn["ConsumedCapacity"]?["TableName"] == "arn:aws:dynamodb:us-east-1:123456789012:table/Items")
            let read = try await Self.answer(
                server, "GetItem", #"{"TableName":"Items","Key":{"pk":{"S":"a"}},"ReturnConsumedCapacity":"TOTAL"}"#)
            #expect(read["ConsumedCapacity"]?["CapacityUnits"] == .double(0.5))
        }
    }

    @Test func describeTableCountsItemsLiveAndDeleteTableAndResetDropThem() async throws {
        try await withServer(listening: false) { server in
            _ = try await Self.answer(server, "CreateTable", Self.table)
            for key in ["a", "b", "c"] {
                _ = try await Self.answer(server, "PutItem", #"{"TableName":"Items","Item":{"pk":{"S":"\#(key)"}}}"#)
            }
            let described = try await Self.answer(server, "DescribeTable", #"{"TableName":"Items"}"#)
            #expect(described["Table"]?["ItemCount"] == 3)
            #expect(described["Table"]?["TableSizeBytes"] == 9)
            _ = try await Self.answer(server, "DeleteTable", #"{"TableName":"Items"}"#)
            let missing = try await Self.answer(
                server, "GetItem", #"{"TableName":"Items","Key":{"pk":{"S":"a"}}}"#, status: 400)
            #expect(missing["message"] == "Requested resource not found")
            _ = try await Self.answer(server, "CreateTable", Self.table)
            let empty = try await Self.answer(server, "GetItem", #"{"TableName":"Items","Key":{"pk":{"S":"a"}}}"#)
            #expect(empty["Item"] == nil)
            _ = try await Self.answer(server, "PutItem", #"{"TableName":"Items","Item":{"pk":{"S":"a"}}}"#)
            #expect(await server.handle("POST", "/moto-api/reset").status == 200)
            _ = try await Self.answer(server, "CreateTable", Self.table)
            let afterReset = try await Self.answer(server, "GetItem", #"{"TableName":"Items","Key":{"pk":{"S":"a"}}}"#)
            #expect(afterReset["Item"] == nil)
        }
    }

    @Test func itemCountsRefreshAfterTheConfiguredPeriod() async throws {
        let clock = ManualWallClock(Date(timeIntervalSince1970: 1_767_225_600))
        try await withServer(clock: clock, listening: false, configure: { $0.dynamodb.itemCountRefreshSeconds = 21600 }) { server in
            _ = try await Self.answer(server, "CreateTable", Self.table)
            _ = try await Self.answer(server, "PutItem", #"{"TableName":"Items","Item":{"pk":{"S":"a"}}}"#)
            let early = try await Self.answer(server, "DescribeTable", #"{"TableName":"Items"}"#)
            #expect(early["Table"]?["ItemCount"] == 0)
            clock.advance(by: 21600)
            let later = try await Self.answer(server, "DescribeTable", #"{"TableName":"Items"}"#)
            #expect(later["Table"]?["ItemCount"] == 1)
        }
    }

    @Test func theRefreshPeriodIsConfigurable() throws {
        let file = Array(#"{"dynamodb":{"itemCountRefreshSeconds":21600}}"#.utf8)
        #expect(try Configuration.load(fileBytes: file, environment: [:], flags: [:]).dynamodb.itemCountRefreshSeconds == 21600)
        #expect(try Configuration.load(fileBytes: nil, environment: [:], flags: [:]).dynamodb.itemCountRefreshSeconds == 0)
        #expect(throws: ConfigurationError.self) {
            try Configuration.load(fileBytes: Array(#"{"dynamodb":{"itemCountRefreshSeconds":-1}}"#.utf8), environment: [:], flags: [:])
        }
    }

    @Test func indexesCountTheirEntriesAndLocalIndexesReportItemCollections() async throws {
        try await withServer(listening: false) { server in
            let withLocalIndex =
                #"{"TableName":"Coll","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},"#
                + #"{"AttributeName":"sk","AttributeType":"S"},{"AttributeName":"l","AttributeType":"N"}],"#
                + #""KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"#
                + #""LocalSecondaryIndexes":[{"IndexName":"byL","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},"#
                + #"{"AttributeName":"l","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],"#
                + #""BillingMode":"PAY_PER_REQUEST"}"#
            _ = try await Self.answer(server, "CreateTable", withLocalIndex)
            _ = try await Self.answer(server, "PutItem", #"{"TableName":"Coll","Item":{"pk":{"S":"p"},"sk":{"S":"1"},"l":{"N":"5"}}}"#)
            let put = try await Self.answer(
                server, "PutItem",
                #"{"TableName":"Coll","Item":{"pk":{"S":"p"},"sk":{"S":"2"}},"ReturnItemCollectionMetrics":"SIZE"}"#)
            #expect(
                put["ItemCollectionMetrics"] == ["ItemCollectionKey": ["pk": ["S": "p"]], "SizeEstimateRangeGB": [.double(0), .double(1)]])
            let index = try await Self.answer(server, "DescribeTable", #"{"TableName":"Coll"}"#)["Table"]?["LocalSecondaryIndexes"]?
                .arrayValue?.first
            #expect(index?["ItemCount"] == 1)
            // KEYS_ONLY: pk (2 + 1), sk (2 + 1), l (1 + 2) bytes.
            #expect(index?["IndexSizeBytes"] == 9)
            _ = try await Self.answer(server, "DeleteItem", #"{"TableName":"Coll","Key":{"pk":{"S":"p"},"sk":{"S":"1"}}}"#)
            let after = try await Self.answer(server, "DescribeTable", #"{"TableName":"Coll"}"#)["Table"]?["LocalSecondaryIndexes"]?
                .arrayValue?.first
            #expect(after?["ItemCount"] == 0)
            #expect(after?["IndexSizeBytes"] == 0)
        }
    }

    @Test func aCreatingTableIsNotFoundAndAnUpdatingOneServesItems() async throws {
        let clock = ManualWallClock(Date(timeIntervalSince1970: 1_767_225_600))
        try await withServer(
            clock: clock, listening: false,
            configure: {
                $0.dynamodb.createSeconds = 10
                $0.dynamodb.updateSeconds = 10
            }
        ) { server in
            _ = try await Self.answer(server, "CreateTable", Self.table)
            let creating = try await Self.answer(
                server, "PutItem", #"{"TableName":"Items","Item":{"pk":{"S":"a"}}}"#, status: 400)
            #expect(creating["__type"] == "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException")
            #expect(creating["message"] == "Requested resource not found")
            clock.advance(by: 10)
            _ = try await Self.answer(
                server, "UpdateTable", #"{"TableName":"Items","ProvisionedThroughput":{"ReadCapacityUnits":6,"WriteCapacityUnits":6}}"#)
            let updating = try await Self.answer(server, "DescribeTable", #"{"TableName":"Items"}"#)
            #expect(updating["Table"]?["TableStatus"] == "UPDATING")
            _ = try await Self.answer(server, "PutItem", #"{"TableName":"Items","Item":{"pk":{"S":"a"}}}"#)
            let got = try await Self.answer(server, "GetItem", #"{"TableName":"Items","Key":{"pk":{"S":"a"}}}"#)
            #expect(got["Item"] == ["pk": ["S": "a"]])
        }
    }
}
