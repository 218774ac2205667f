import AWSProtocol
import CloudTrail
import Foundation
import TestSupport
import Testing

@testable import DynamoTrail

/// Query and Scan as CloudTrail data events ("Logging data events", AWS CloudTrail User Guide: read-only data
/// events on `AWS::DynamoDB::Table`): the request's members without attribute values, the table as resource.
@Suite struct QueryScanDataEventsTests {
    @Test func queryAndScanAreReadOnlyDataEventsWithoutValues() async throws {
        try await withHarness { harness in
            try await harness.createTable("Music")
            #expect(try await harness.cloudTrail("PutEventSelectors", DataEventsTests.allTables).status == 200)
            _ = try await DataEventsTests.item(harness, "PutItem", DataEventsTests.putItem)
            let query = try await DataEventsTests.item(
                harness, "Query",
                ##"{"TableName":"Music","KeyConditionExpression":"#k = :v","FilterExpression":"AlbumTitle <> :t","ExpressionAttributeNames":{"#k":"k"},"ExpressionAttributeValues":{":v":{"S":"No One You Know"},":t":{"S":"x"}},"Limit":5,"ExclusiveStartKey":{"k":{"S":"a"}}}"##
            )
            #expect(query.status == 400)  // the start key is outside the queried partition
            let answered = try await DataEventsTests.item(
                harness, "Query",
                ##"{"TableName":"Music","KeyConditionExpression":"#k = :v","ExpressionAttributeNames":{"#k":"k"},"ExpressionAttributeValues":{":v":{"S":"No One You Know"}}}"##
            )
            #expect(answered.status == 200 && answered.json["Count"] == 1)
            let scan = try await DataEventsTests.item(harness, "Scan", #"{"TableName":"Music","Segment":0,"TotalSegments":2}"#)
            #expect(scan.status == 200)
            try await harness.flush()
            let queries = DataEventsTests.records(harness, named: "Query")
            #expect(queries.count == 2)
            for record in queries {
                #expect(record["eventCategory"] == "Data")
                #expect(record["readOnly"] == true)
                #expect(record["managementEvent"] == false)
                #expect(record["resources"]?.arrayValue?.first?["ARN"] == "arn:aws:dynamodb:us-east-1:123456789012:table/Music")
                #expect(!JSONWriter.string(record).contains("No One You Know"))
            }
            #expect(queries.contains { $0["errorCode"] == "ValidationException" })
            #expect(
                JSONWriter.string(queries.first { $0["errorCode"] == nil }?["requestParameters"] ?? .null)
                    == ##"{"tableName":"Music","keyConditionExpression":"#k = :v","expressionAttributeNames":{"#k":"k"}}"##)
            let scans = DataEventsTests.records(harness, named: "Scan")
            #expect(scans.count == 1)
            #expect(
                JSONWriter.string(scans.first?["requestParameters"] ?? .null) == #"{"tableName":"Music","segment":0,"totalSegments":2}"#)
        }
    }
}
