import AWSProtocol
import Foundation
import Testing

@testable import DynamoDB

/// What a `TableName` member names: a bare name, a table ARN, or an index ARN (which names no table).
@Suite struct TableReferenceTests {
    let context = RequestContext(accountId: testAccount, region: testRegion, now: Date(timeIntervalSince1970: 0))

    @Test func tableArnNamesTheTable() throws {
        let target = try DynamoDBService.parseTableArn("arn:aws:dynamodb:us-east-1:123456789012:table/t1", context)
        #expect(target == .table("t1"))
    }

    @Test func indexArnNamesNoTable() throws {
        let arn = "arn:aws:dynamodb:us-east-1:123456789012:table/t1/index/byX"
        let target = try DynamoDBService.parseTableArn(arn, context)
        #expect(target == .indexArn(arn))
        #expect(TableReference(target: target, shown: arn).tableName == nil)
    }

    /// An index ARN is answered as a missing table, naming the ARN (Unverified: AWS's text is not captured).
    @Test func indexArnIsNotFound() async throws {
        let h = Harness()
        try await h.createBasic("tbl")
        let arn = "arn:aws:dynamodb:us-east-1:123456789012:table/tbl/index/byX"
        let describe = await h.fail("DescribeTable", ["TableName": .string(arn)])
        #expect(describe?.message == "Requested resource not found: Table: \(arn) not found")
        let backups = await h.fail("DescribeContinuousBackups", ["TableName": .string(arn)])
        #expect(backups?.message == "Table not found: \(arn)")
    }
}
