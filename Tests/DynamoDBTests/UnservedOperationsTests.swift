import AWSProtocol
import Testing

@testable import DynamoDB

/// PartiQL, and the other operations DynamoTrail does not serve.
@Suite struct UnservedOperationsTests {
    @Test func unservedOperationsAnswerA400() async throws {
        let h = Harness()
        let unserved = DynamoDBService.dataPlaneOperations.union(DynamoDBService.otherDynamoDBOperations)
            .subtracting(DynamoDBService.servedOperations)
        #expect(unserved.contains("ExecuteStatement") && unserved.contains("CreateBackup"))
        #expect(unserved.isDisjoint(with: ["Query", "Scan", "BatchGetItem", "BatchWriteItem", "TransactGetItems", "TransactWriteItems"]))
        for operation in unserved {
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
