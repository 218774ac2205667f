import AWSProtocol
import CloudTrail
import DynamoDB
import Foundation
import Testing

@testable import CallHandling

/// The `requestParameters` of data events rendered from request JSON, against AWS's examples
/// ("Understanding DynamoDB log file entries": PutItem, UpdateItem, TransactWriteItems, ExecuteStatement,
/// BatchExecuteStatement): keys as plain values, item attribute names only, never an attribute value.
@Suite struct DataEventRenderingTests {
    static let music = ["Music": TableAuditFacts(keyAttributeNames: ["Artist", "SongTitle"], streamArn: nil)]

    static func render(_ operation: String, _ request: String, facts: [String: TableAuditFacts] = music) throws -> String {
        let input = try JSONParser.parse(Array(request.utf8))
        return JSONWriter.string(ItemRequestParameters.render(operation, input, facts: facts) ?? .null)
    }

    @Test func putItemNamesTheKeyAndTheItemsAttributesOnly() throws {
        let rendered = try Self.render(
            "PutItem",
            #"{"TableName":"Music","Item":{"Artist":{"S":"No One You Know"},"SongTitle":{"S":"Scared of My Shadow"},"AlbumTitle":{"S":"Somewhat Famous"}},"ReturnConsumedCapacity":"TOTAL"}"#
        )
        #expect(
            rendered
                == #"{"tableName":"Music","key":{"Artist":"No One You Know","SongTitle":"Scared of My Shadow"},"item":["Artist","SongTitle","AlbumTitle"],"returnConsumedCapacity":"TOTAL"}"#
        )
    }

    @Test func updateItemKeepsExpressionsAndNamesButNotValues() throws {
        let rendered = try Self.render(
            "UpdateItem",
            ##"{"TableName":"Music","Key":{"Artist":{"S":"No One You Know"},"SongTitle":{"S":"Call Me Today"}},"UpdateExpression":"SET #Y = :y, #AT = :t","ExpressionAttributeNames":{"#Y":"Year","#AT":"AlbumTitle"},"ExpressionAttributeValues":{":y":{"N":"2015"},":t":{"S":"Louder Than Ever"}},"ConditionExpression":"attribute_not_exists(#Y)","ReturnConsumedCapacity":"TOTAL"}"##
        )
        #expect(
            rendered
                == ##"{"tableName":"Music","key":{"Artist":"No One You Know","SongTitle":"Call Me Today"},"updateExpression":"SET #Y = :y, #AT = :t","expressionAttributeNames":{"#Y":"Year","#AT":"AlbumTitle"},"conditionExpression":"attribute_not_exists(#Y)","returnConsumedCapacity":"TOTAL"}"##
        )
    }

    @Test func transactWriteItemsListsEachEntryWithItsOperation() throws {
        let rendered = try Self.render(
            "TransactWriteItems",
            ##"{"TransactItems":[{"Put":{"TableName":"Music","Item":{"Artist":{"S":"No One You Know"},"SongTitle":{"S":"Call Me Today"},"AlbumTitle":{"S":"x"}},"ConditionExpression":"#AT = :A","ExpressionAttributeNames":{"#AT":"AlbumTitle"},"ExpressionAttributeValues":{":A":{"S":"y"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}},{"Delete":{"TableName":"Music","Key":{"Artist":{"S":"No One You Know"},"SongTitle":{"S":"Call Me Yesterday"}}}}],"ReturnConsumedCapacity":"TOTAL","ReturnItemCollectionMetrics":"SIZE"}"##
        )
        #expect(
            rendered
                == ##"{"requestItems":[{"operation":"Put","tableName":"Music","key":{"Artist":"No One You Know","SongTitle":"Call Me Today"},"items":["Artist","SongTitle","AlbumTitle"],"conditionExpression":"#AT = :A","expressionAttributeNames":{"#AT":"AlbumTitle"},"returnValuesOnConditionCheckFailure":"ALL_OLD"},{"operation":"Delete","tableName":"Music","key":{"Artist":"No One You Know","SongTitle":"Call Me Yesterday"}}],"returnConsumedCapacity":"TOTAL","returnItemCollectionMetrics":"SIZE"}"##
        )
    }

    @Test func partiQLLiteralsAreRedactedExceptKeyValuesInTheWhereClause() throws {
        let select = try Self.render(
            "ExecuteStatement",
            #"{"Statement":"SELECT * FROM Music WHERE Artist = 'No One You Know' AND SongTitle = 'Call Me Today' AND nonKeyAttr = 'x'","Parameters":[{"S":"p"}]}"#
        )
        #expect(
            select
                == #"{"statement":"SELECT * FROM Music WHERE Artist = 'No One You Know' AND SongTitle = 'Call Me Today' AND nonKeyAttr = ***(Redacted)"}"#
        )
        let batch = try Self.render(
            "BatchExecuteStatement",
            #"{"Statements":[{"Statement":"UPDATE Music SET Album = 'a' WHERE Artist = 'No One You Know' AND SongTitle = 'Call Me Today'"},{"Statement":"INSERT INTO Music VALUE {'Artist' : 'b', 'SongTitle' : 'c', 'Album' : 'd'}"}]}"#
        )
        #expect(
            batch
                == #"{"requestItems":[{"statement":"UPDATE Music SET Album = ***(Redacted) WHERE Artist = 'No One You Know' AND SongTitle = 'Call Me Today'"},{"statement":"INSERT INTO Music VALUE {'Artist' : ***(Redacted), 'SongTitle' : ***(Redacted), 'Album' : ***(Redacted)}"}]}"#
        )
        #expect(PartiQLRedaction.tableNames(in: #"SELECT * FROM "Music"."byAlbum" WHERE x = 1"#) == ["Music"])
        #expect(
            PartiQLRedaction.redact("DELETE FROM Music WHERE Artist = ? AND n = -3", facts: Self.music)
                == "DELETE FROM Music WHERE Artist = ? AND n = ***(Redacted)")
    }

    @Test func legacyConditionsAndBatchesKeepNamesOnly() throws {
        let query = try Self.render(
            "Query",
            #"{"TableName":"Music","KeyConditions":{"Artist":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"v"}]}},"QueryFilter":{"Year":{"ComparisonOperator":"GT","AttributeValueList":[{"N":"1"}]}},"ExclusiveStartKey":{"Artist":{"S":"a"},"SongTitle":{"S":"b"}},"Limit":5}"#
        )
        #expect(
            query
                == #"{"tableName":"Music","keyConditions":{"Artist":{"comparisonOperator":"EQ"}},"queryFilter":{"Year":{"comparisonOperator":"GT"}},"exclusiveStartKey":{"Artist":"a","SongTitle":"b"},"limit":5}"#
        )
        let update = try Self.render(
            "UpdateItem",
            #"{"TableName":"Music","Key":{"Artist":{"S":"a"},"SongTitle":{"N":"12.50"}},"AttributeUpdates":{"Year":{"Action":"PUT","Value":{"N":"2"}}},"Expected":{"Year":{"Exists":false}}}"#
        )
        #expect(
            update
                == #"{"tableName":"Music","key":{"Artist":"a","SongTitle":"12.50"},"attributeUpdates":{"Year":{"action":"PUT"}},"expected":{"Year":{"exists":false}}}"#
        )
        let batch = try Self.render(
            "BatchWriteItem",
            #"{"RequestItems":{"Music":[{"PutRequest":{"Item":{"Artist":{"S":"a"},"SongTitle":{"S":"b"},"Secret":{"S":"s"}}}},{"DeleteRequest":{"Key":{"Artist":{"S":"a"},"SongTitle":{"B":"AAE="}}}}]}}"#
        )
        #expect(
            batch
                == #"{"requestItems":{"Music":[{"putRequest":{"key":{"Artist":"a","SongTitle":"b"},"item":["Artist","SongTitle","Secret"]}},{"deleteRequest":{"key":{"Artist":"a","SongTitle":"AAE="}}}]}}"#
        )
        let gets = try Self.render(
            "BatchGetItem", #"{"RequestItems":{"Music":{"Keys":[{"Artist":{"S":"a"},"SongTitle":{"S":"b"}}],"ConsistentRead":true}}}"#)
        #expect(gets == #"{"requestItems":{"Music":{"keys":[{"Artist":"a","SongTitle":"b"}],"consistentRead":true}}}"#)
    }

    @Test func resourcesNameEachTableAndItsStream() throws {
        let stream = "arn:aws:dynamodb:us-east-1:123456789012:table/Music/stream/2026-12-03T00:00:00.000"
        let facts = ["Music": TableAuditFacts(keyAttributeNames: ["Artist"], streamArn: stream)]
        let input = try JSONParser.parse(
            Array(
                #"{"TransactItems":[{"Get":{"TableName":"Music","Key":{}}},{"Get":{"TableName":"arn:aws:dynamodb:us-east-1:123456789012:table/Other"}}]}"#
                    .utf8))
        #expect(DataEventTables.names("TransactGetItems", input) == ["Music", "Other"])
        let context = CallContext(
            identity: CallerIdentity(
                type: .root, principalId: "123456789012", arn: "arn:aws:iam::123456789012:root",
                accountId: "123456789012", accessKeyId: nil),
            accountId: "123456789012", region: "us-east-1", sourceIPAddress: "127.0.0.1", userAgent: "", requestId: "r",
            receivedAt: .init(timeIntervalSince1970: 0), usedSessionCredentials: false)
        let resources = CallAudit.dataResources("TransactGetItems", input: input, context: context, facts: facts)
        #expect(resources.map(\.type) == ["AWS::DynamoDB::Table", "AWS::DynamoDB::Stream", "AWS::DynamoDB::Table"])
        #expect(
            resources.map(\.arn) == [
                "arn:aws:dynamodb:us-east-1:123456789012:table/Music", stream, "arn:aws:dynamodb:us-east-1:123456789012:table/Other",
            ])
        #expect(DataEventTables.names("GetShardIterator", ["StreamArn": .string(stream)]) == ["Music"])
    }
}

/// The PartiQL redaction on arbitrary text: it never crashes, and a value compared to a non-key attribute never shows.
@Suite struct PartiQLRedactionFuzzTests {
    @Test func arbitraryStatementsNeverCrashAndNeverShowANonKeyValue() {
        let random = SeededRandomSource(seed: 14)
        let pieces = ["'", "\"", "`", "=", " ", "WHERE", "FROM", "Music", "Artist", "x", "-", "1", "{", "}", ":", "[", "]", "?", ".", "''"]
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<random.next(below: 24) { text += pieces[random.next(below: pieces.count)] }
            _ = PartiQLRedaction.redact(text, facts: DataEventRenderingTests.music)
            let secret = PartiQLRedaction.redact(text + " AND other = 'SECRET'", facts: DataEventRenderingTests.music)
            if !text.contains("'") && !text.contains("`") && !text.contains("\"") { #expect(!secret.contains("SECRET"), "\(text)") }
        }
    }
}
