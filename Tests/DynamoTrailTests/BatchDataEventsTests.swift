import AWSProtocol
import CloudTrail
import Foundation
import TestSupport
import Testing

@testable import DynamoTrail

/// BatchWriteItem and BatchGetItem as CloudTrail data events, end to end through the server: one record per
/// call, `resources` naming every table the batch touches, keys as plain values and item attribute names only.
@Suite struct BatchDataEventsTests {
    static let write =
        #"{"RequestItems":{"Music":[{"PutRequest":{"Item":{"k":{"S":"a"},"Lyrics":{"S":"TOP-SECRET"}}}}],"#
        + #""Books":[{"DeleteRequest":{"Key":{"k":{"S":"b"}}}}]},"ReturnConsumedCapacity":"TOTAL"}"#
    static let read =
        #"{"RequestItems":{"Books":{"Keys":[{"k":{"S":"b"}}],"ConsistentRead":true},"#
        + ##""Music":{"Keys":[{"k":{"S":"a"}}],"ProjectionExpression":"#l","ExpressionAttributeNames":{"#l":"Lyrics"}}}}"##

    @Test func batchesAreDataEventsNamingEveryTable() async throws {
        try await withHarness { harness in
            try await harness.createTable("Music")
            try await harness.createTable("Books")
            _ = try await harness.cloudTrail("PutEventSelectors", DataEventsTests.allTables)
            let written = try await DataEventsTests.item(harness, "BatchWriteItem", Self.write)
            #expect(written.status == 200)
            let read = try await DataEventsTests.item(harness, "BatchGetItem", Self.read)
            #expect(read.json["Responses"]?["Music"] == [["Lyrics": ["S": "TOP-SECRET"]]])
            try await harness.flush()
            let writeRecord = try #require(DataEventsTests.records(harness, named: "BatchWriteItem").first)
            let readRecord = try #require(DataEventsTests.records(harness, named: "BatchGetItem").first)
            let arn = "arn:aws:dynamodb:us-east-1:123456789012:table/"
            #expect(writeRecord["resources"]?.arrayValue?.map { $0["ARN"] } == [.string(arn + "Music"), .string(arn + "Books")])
            #expect(readRecord["resources"]?.arrayValue?.map { $0["ARN"] } == [.string(arn + "Books"), .string(arn + "Music")])
            #expect(writeRecord["readOnly"] == false)
            #expect(readRecord["readOnly"] == true)
            #expect(writeRecord["eventCategory"] == "Data")
            #expect(writeRecord["responseElements"] == .null)
            let requested = writeRecord["requestParameters"]?["requestItems"]
            #expect(requested?["Music"] == [["putRequest": ["key": ["k": "a"], "item": ["k", "Lyrics"]]]])
            #expect(requested?["Books"] == [["deleteRequest": ["key": ["k": "b"]]]])
            #expect(readRecord["requestParameters"]?["requestItems"]?["Music"]?["expressionAttributeNames"] == ["#l": "Lyrics"])
            #expect(!JSONWriter.string(writeRecord).contains("TOP-SECRET"))
        }
    }
}
