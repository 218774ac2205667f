import AWSProtocol
import Testing

@testable import DynamoDB

/// `DynamoDBService.recognizes`.
@Suite struct RecognizesTests {
    @Test func recognizesEachServicesOperations() {
        #expect(DynamoDBService.recognizes(.streams, operation: "GetRecords"))
        #expect(!DynamoDBService.recognizes(.streams, operation: "CreateTable"))
        #expect(DynamoDBService.recognizes(.dynamoDB, operation: "PurchaseReservedCapacityOfferings"))
        #expect(!DynamoDBService.recognizes(.dynamoDB, operation: "DescribeStream"))
        #expect(DynamoDBService.dynamoDBOperations.count == 60)
    }
}
