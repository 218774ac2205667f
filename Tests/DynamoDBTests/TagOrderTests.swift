import AWSProtocol
import Testing

@testable import DynamoDB

/// The tag operations' order of checks (dynalite's suite recorded against AWS, test/tagResource.js; AWS 2026)
/// and their empty answers.
@Suite struct TagOrderTests {
    let missing: JSONValue = "arn:aws:dynamodb:us-east-1:123456789012:table/nope"

    @Test func presenceThenArnThenEmptyListThenTable() async throws {
        let h = Harness()
        // Tags is required before the ARN is even read.
        #expect(
            await h.fail("TagResource", ["ResourceArn": "a:b:c:d:e:f/g"])?.message
                == "The parameter 'Tags' is required but was not present in the request")
        // The ARN's form before the empty list.
        #expect(
            await h.fail("TagResource", ["ResourceArn": "arn:aws:dynamodb:us-east-1:123456789012:table/ab", "Tags": []])?
                .message == "Invalid TableArn: Invalid ResourceArn provided as input arn:aws:dynamodb:us-east-1:123456789012:table/ab")
        // The empty list before the table.
        #expect(
            await h.fail("TagResource", ["ResourceArn": missing, "Tags": []])?.message == "Atleast one Tag needs to be provided as Input.")
        #expect(
            await h.fail("UntagResource", ["ResourceArn": missing, "TagKeys": []])?.message
                == "Atleast one Tag Key needs to be provided as Input.")
        // The tags' own rules before the table (Unverified order).
        #expect(
            await h.fail("TagResource", ["ResourceArn": missing, "Tags": [["Key": "aws:x", "Value": "v"]]])?.message
                == "Tag Key cannot be prefixed with aws:, Key: aws:x")
        let notFound = await h.fail("UntagResource", ["ResourceArn": missing, "TagKeys": ["k"]])
        #expect(notFound?.code == "ResourceNotFoundException")
    }

    @Test func anotherAccountIsDeniedWhateverTheTable() async throws {
        let h = Harness()
        let other: JSONValue = "arn:aws:dynamodb:us-east-1:210987654321:table/nope"
        let denied = await h.fail("TagResource", ["ResourceArn": other, "Tags": [["Key": "k", "Value": "v"]]])
        #expect(denied?.type == "com.amazon.coral.service#AccessDeniedException")
        #expect(await h.fail("UntagResource", ["ResourceArn": other, "TagKeys": ["k"]])?.message == "Access is denied")
    }

    /// The operations answer no members; the HTTP layer is told to send no body at all.
    @Test func answersAreEmpty() async throws {
        let h = Harness()
        try await h.createBasic("tagged")
        let arn: JSONValue = "arn:aws:dynamodb:us-east-1:123456789012:table/tagged"
        #expect(try await h.ok("TagResource", ["ResourceArn": arn, "Tags": [["Key": "k", "Value": "v"]]]) == [:])
        #expect(try await h.ok("UntagResource", ["ResourceArn": arn, "TagKeys": ["k"]]) == [:])
        #expect(DynamoDBService.answersWithEmptyBody(.dynamoDB, operation: "TagResource"))
        #expect(DynamoDBService.answersWithEmptyBody(.dynamoDB, operation: "UntagResource"))
        #expect(!DynamoDBService.answersWithEmptyBody(.dynamoDB, operation: "ListTagsOfResource"))
        #expect(!DynamoDBService.answersWithEmptyBody(.streams, operation: "TagResource"))
    }
}
