import AWSProtocol
import Foundation
import Testing

@testable import CallHandling
@testable import DynamoTrail

/// Deny lists (IAM-style action patterns, case-insensitive, `*` and `?` wildcards) and the
/// AccessDenied error a denied caller gets.
@Suite struct DenyListTests {
    typealias Fixtures = AuthFixtures

    @Test func anExactActionMatchesOnlyItselfInAnyCase() {
        let exact = DenyList(["dynamodb:DeleteTable"])
        #expect(exact.isDenied(action: "dynamodb:DeleteTable") && exact.isDenied(action: "DYNAMODB:deletetable"))
        #expect(!exact.isDenied(action: "dynamodb:DeleteTableX") && !exact.isDenied(action: "dynamodb:Delete"))
    }

    @Test func aTrailingStarMatchesAPrefix() {
        let describe = DenyList(["dynamodb:Describe*"])
        #expect(describe.isDenied(action: "dynamodb:DescribeTable") && describe.isDenied(action: "dynamodb:DescribeStream"))
        #expect(describe.isDenied(action: "dynamodb:describe") && !describe.isDenied(action: "dynamodb:ListTables"))
    }

    @Test func aServiceStarMatchesThatServiceOnly() {
        let service = DenyList(["dynamodb:*"])
        #expect(service.isDenied(action: "dynamodb:ListStreams") && !service.isDenied(action: "cloudtrail:LookupEvents"))
    }

    @Test func wildcardsMatchAnywhere() {
        #expect(DenyList(["*"]).isDenied(action: "s3:GetObject"))
        #expect(DenyList(["dynamodb:?istTables"]).isDenied(action: "dynamodb:ListTables"))
        #expect(DenyList(["*:*Table*"]).isDenied(action: "dynamodb:UpdateTable"))
    }

    @Test func anEmptyListOrPatternDeniesNothing() {
        #expect(!DenyList().isDenied(action: "dynamodb:ListTables") && !DenyList([""]).isDenied(action: "dynamodb:ListTables"))
    }

    @Test func accessDeniedErrorIsAWSsText() {
        let error = AccessDenied.jsonError(
            callerArn: "arn:aws:iam::123456789010:user/HoneyUser", action: "dynamodb:ListTables",
            resource: AccessDenied.tableResource(region: "us-east-1", accountId: "123456789010", tableName: nil))
        #expect(error.type == "com.amazon.coral.service#AccessDeniedException" && error.httpStatus == 400)
        // Verbatim from a real CloudTrail record of a ListTables denied by IAM (2023, published in a
        // SANS workshop's CloudShell hunt).
        #expect(
            error.message
                == "User: arn:aws:iam::123456789010:user/HoneyUser is not authorized to perform: dynamodb:ListTables on resource: arn:aws:dynamodb:us-east-1:123456789010:table/* because no identity-based policy allows the dynamodb:ListTables action"
        )
    }

    @Test func aConfiguredDenyRefusesTheCallerWithItsARNAndTheTable() throws {
        let (auth, _) = Fixtures.authenticator(.enforce)
        let bob = try auth.authenticate(
            Fixtures.signed(key: "ASIAFEDERATEDBOB0001", secret: "bobSecret", token: "bobToken", region: "us-west-2"),
            expectedService: "dynamodb"
        ).get()
        #expect(bob.isDenied(action: "dynamodb:DeleteTable") && !bob.isDenied(action: "dynamodb:CreateTable"))
        #expect(
            bob.accessDenied(
                action: "dynamodb:DeleteTable",
                resource: AccessDenied.tableResource(region: bob.region, accountId: bob.accountId, tableName: "Music")
            ).message
                == "User: arn:aws:sts::123456789012:federated-user/bob is not authorized to perform: dynamodb:DeleteTable on resource: arn:aws:dynamodb:us-west-2:123456789012:table/Music because no identity-based policy allows the dynamodb:DeleteTable action"
        )
    }
}
