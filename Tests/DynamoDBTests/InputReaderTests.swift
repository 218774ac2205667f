import AWSProtocol
import Testing

@testable import DynamoDB

/// The shared typed-input reader and the Coral collector.
@Suite struct InputReaderTests {
    @Test func firstOffendingMemberInDocumentOrderWins() {
        let input = json(#"{"KeySchema":"x","TableName":5}"#)
        let error = InputTypeChecker.check(input, against: InputShapes.createTable)
        #expect(error == AWSServiceError.serialization("Unexpected field type"))
        #expect(error?.messageKey == .upper)
    }

    @Test func nestedStructuresAndListsAreChecked() {
        let nested = json(#"{"GlobalSecondaryIndexes":[{"Projection":{"NonKeyAttributes":[true]}}]}"#)
        #expect(InputTypeChecker.check(nested, against: InputShapes.createTable)?.message == "TRUE_VALUE cannot be converted to String")
        let projection = json(#"{"GlobalSecondaryIndexes":[{"Projection":[]}]}"#)
        #expect(
            InputTypeChecker.check(projection, against: InputShapes.createTable)?.message
                == "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.Projection")
        let update = json(#"{"GlobalSecondaryIndexUpdates":[5]}"#)
        #expect(InputTypeChecker.check(update, against: InputShapes.updateTable)?.message == "Unexpected value type in payload")
    }

    @Test func nullsUnknownMembersAndDecimalsAreAccepted() {
        let input = json(#"{"TableName":null,"Nope":[1,{}],"ProvisionedThroughput":{"ReadCapacityUnits":5.9,"WriteCapacityUnits":1}}"#)
        #expect(InputTypeChecker.check(input, against: InputShapes.createTable) == nil)
        let reader = InputReader(input)
        #expect(reader?.has("TableName") == false)
        #expect(reader?.reader("ProvisionedThroughput")?.long("ReadCapacityUnits") == 5)
    }

    @Test func coralGrammar() {
        var v = CoralValidator()
        #expect(v.error == nil)
        v.notNull(false, at: "keySchema")
        #expect(
            v.error?.message
                == "1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null")
        v.range(0, at: "limit", min: 1)
        #expect(v.error?.message?.hasPrefix("2 validation errors detected: Value null at 'keySchema'") == true)
        for _ in 0..<20 { v.namePattern("a;", at: "tableName") }
        #expect(v.messages.count == 10)
    }
}
