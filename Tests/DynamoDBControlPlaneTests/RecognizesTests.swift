import AWSProtocol
import Testing

@testable import DynamoDBControlPlane

/// `DynamoDBControlPlane.recognizes`.
@Suite struct RecognizesTests {
    @Test func recognizesEachServicesOperations() {
        #expect(DynamoDBControlPlane.recognizes(.streams, operation: "GetRecords"))
        #expect(!DynamoDBControlPlane.recognizes(.streams, operation: "CreateTable"))
        #expect(DynamoDBControlPlane.recognizes(.dynamoDB, operation: "PurchaseReservedCapacityOfferings"))
        #expect(!DynamoDBControlPlane.recognizes(.dynamoDB, operation: "DescribeStream"))
        #expect(DynamoDBControlPlane.dynamoDBOperations.count == 60)
    }
}
