import AWSProtocol
import Testing

@testable import DynamoDB

/// TagResource, UntagResource and ListTagsOfResource.
@Suite struct TagResourceTests {
    let arn: JSONValue = "arn:aws:dynamodb:us-east-1:123456789012:table/tagged"

    @Test func tagsAddReplaceRemoveAndList() async throws {
        let h = Harness()
        try await h.createBasic("tagged", ["Tags": [["Key": "a", "Value": "1"]]])
        #expect(
            try await h.ok("TagResource", ["ResourceArn": arn, "Tags": [["Key": "b", "Value": "2"], ["Key": "a", "Value": "3"]]]) == [:])
        let listed = try await h.ok("ListTagsOfResource", ["ResourceArn": arn])
        #expect(JSONWriter.string(listed) == #"{"Tags":[{"Key":"a","Value":"3"},{"Key":"b","Value":"2"}]}"#)
        try await h.ok("UntagResource", ["ResourceArn": arn, "TagKeys": ["a", "zzz"]])
        #expect(try await h.ok("ListTagsOfResource", ["ResourceArn": arn])["Tags"]?.arrayValue?.count == 1)
        let missing = await h.fail("ListTagsOfResource", ["ResourceArn": "arn:aws:dynamodb:us-east-1:123456789012:table/nope"])
        #expect(
            missing?.message == "Requested resource not found: ResourceArn: arn:aws:dynamodb:us-east-1:123456789012:table/nope not found")
        #expect(
            await h.fail("ListTagsOfResource", ["ResourceArn": "tagged"])?.message
                == "One or more parameter values were invalid: ARNs must start with 'arn:': tagged")
        let tooMany: [JSONValue] = (0..<50).map { ["Key": .string("k\($0)"), "Value": "v"] }
        #expect(
            await h.fail("TagResource", ["ResourceArn": arn, "Tags": .array(tooMany)])?.message
                == "Number of Tags exceed the current limit for the provided ResourceArn")
    }

    /// Empty tag and key lists are refused by TagResource/UntagResource (AWS, 2026), accepted by CreateTable.
    @Test func emptyLists() async throws {
        let h = Harness()
        try await h.createBasic("tagged", ["Tags": []])
        #expect(
            await h.fail("TagResource", ["ResourceArn": arn, "Tags": []])?.message
                == "Atleast one Tag needs to be provided as Input.")
        #expect(
            await h.fail("UntagResource", ["ResourceArn": arn, "TagKeys": []])?.message
                == "Atleast one Tag Key needs to be provided as Input.")
    }

    /// While a table is CREATING or DELETING the tag APIs answer not-found (AWS, 2026).
    @Test func creatingAndDeletingTablesAreNotTaggable() async throws {
        let h = Harness {
            $0.createSeconds = 5
            $0.deleteSeconds = 5
        }
        try await h.createBasic("tagged")
        let notFound = "Requested resource not found: ResourceArn: arn:aws:dynamodb:us-east-1:123456789012:table/tagged not found"
        #expect(await h.fail("ListTagsOfResource", ["ResourceArn": arn])?.message == notFound)
        h.clock.advance(by: 5)
        try await h.ok("TagResource", ["ResourceArn": arn, "Tags": [["Key": "k", "Value": "v"]]])
        try await h.ok("DeleteTable", ["TableName": "tagged"])
        #expect(await h.fail("TagResource", ["ResourceArn": arn, "Tags": [["Key": "k", "Value": "w"]]])?.message == notFound)
    }

    /// Each kind of wrong ResourceArn answers its own 2026 text.
    @Test func resourceArnShapes() async throws {
        let h = Harness()
        try await h.createBasic("tagged")
        func message(_ arn: String) async -> String? { await h.fail("ListTagsOfResource", ["ResourceArn": .string(arn)])?.message }
        #expect(
            await message("arn:aws:s3:::bucket")
                == "One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: arn:aws:s3:::bucket")
        #expect(
            await message("arn:aws:dynamodb:eu-west-1:123456789012:table/tagged")
                == "Invalid TableArn: Invalid ResourceArn provided as input arn:aws:dynamodb:eu-west-1:123456789012:table/tagged")
        #expect(
            await message("arn:aws:dynamodb:us-east-1:123456789012:table/tagged/index/byX")
                == "One or more parameter values were invalid: Invalid resource arn provided, only table or stream is accepted. Provided resource arn: arn:aws:dynamodb:us-east-1:123456789012:table/tagged/index/byX"
        )
        #expect(
            await h.fail(
                "ListTagsOfResource", ["ResourceArn": "arn:aws:dynamodb:us-east-1:123456789012:table/tagged/stream/2026-01-01T00:00:00.000"]
            )?
            .code == "ResourceNotFoundException")
    }
}
