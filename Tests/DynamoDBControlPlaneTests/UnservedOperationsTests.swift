import AWSProtocol
import Testing

@testable import DynamoDBControlPlane

/// Item operations and other operations DynamoTrail does not serve.
@Suite struct UnservedOperationsTests {
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
