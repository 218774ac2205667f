import AWSProtocol
import Foundation
import Testing

@testable import CloudTrail

@Suite struct RecordTests {
    @Test func accessDeniedListTablesMatchesTheRealRecordFieldByFieldAndInOrder() {
        // A real ListTables denied by IAM (published 2023 SANS workshop record), with eventVersion 1.11 instead of 1.08.
        let expected = Fixtures.compact(
            #"""
            {"eventVersion":"1.11","userIdentity":{"type":"IAMUser","principalId":"AIDATAI5Z633QFORB2QCN","arn":"arn:aws:iam::123456789010:user/HoneyUser","accountId":"123456789010","accessKeyId":"AKIATAI5Z6332LPA5KXG","userName":"HoneyUser"},
            "eventTime":"2023-03-18T11:53:44Z","eventSource":"dynamodb.amazonaws.com","eventName":"ListTables","awsRegion":"us-east-1","sourceIPAddress":"3.235.120.49",
            "userAgent":"aws-cli/2.11.2 Python/3.11.2 Linux/4.14.255-305-242.531.amzn2.x86_64 exec-env/CloudShell exe/x86_64.amzn.2 prompt/off command/dynamodb.list-tables",
            "errorCode":"AccessDenied","errorMessage":"User: arn:aws:iam::123456789010:user/HoneyUser is not authorized to perform: dynamodb:ListTables on resource: arn:aws:dynamodb:us-east-1:123456789010:table/* because no identity-based policy allows the dynamodb:ListTables action",
            "requestParameters":null,"responseElements":null,"requestID":"KM21C3GVN2GJQU0LV0TQUSJQE7VV4KQNSO5AEMVJF66Q9ASUAAJG","eventID":"4b5aec6a-6a0f-4812-812e-dcd6c6d19d24",
            "readOnly":true,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"123456789010","eventCategory":"Management",
            "tlsDetails":{"tlsVersion":"TLSv1.2","cipherSuite":"ECDHE-RSA-AES128-GCM-SHA256","clientProvidedHostHeader":"dynamodb.us-east-1.amazonaws.com"}}
            """#)
        var context = Fixtures.context(
            Fixtures.iamUser, account: "123456789010",
            userAgent:
                "aws-cli/2.11.2 Python/3.11.2 Linux/4.14.255-305-242.531.amzn2.x86_64 exec-env/CloudShell exe/x86_64.amzn.2 prompt/off command/dynamodb.list-tables"
        )
        context.sourceIPAddress = "3.235.120.49"
        let event = CloudTrailEvent(
            context: context, eventSource: "dynamodb.amazonaws.com", eventName: "ListTables",
            errorCode: "AccessDenied",
            errorMessage:
                "User: arn:aws:iam::123456789010:user/HoneyUser is not authorized to perform: dynamodb:ListTables on resource: arn:aws:dynamodb:us-east-1:123456789010:table/* because no identity-based policy allows the dynamodb:ListTables action",
            readOnly: true, apiVersion: nil, recipientAccountId: "123456789010",
            tlsDetails: JSONObject([
                "tlsVersion": "TLSv1.2", "cipherSuite": "ECDHE-RSA-AES128-GCM-SHA256",
                "clientProvidedHostHeader": "dynamodb.us-east-1.amazonaws.com",
            ]))
        let bytes = CloudTrailRecord.bytes(
            event, eventTime: Fixtures.date("2023-03-18T11:53:44Z"), eventID: "4b5aec6a-6a0f-4812-812e-dcd6c6d19d24")
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func assumedRoleIdentityMatchesTheDynamoDBDocExamples() {
        // Appendix A (TransactWriteItems / ExecuteStatement): sessionIssuer before attributes.
        let expected = Fixtures.compact(
            #"""
            {"type":"AssumedRole","principalId":"AKIAIOSFODNN7EXAMPLE:bob","arn":"arn:aws:sts::111122223333:assumed-role/users/bob","accountId":"111122223333","accessKeyId":"AKIAIOSFODNN7EXAMPLE",
             "sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AKIAI44QH8DHBEXAMPLE","arn":"arn:aws:iam::444455556666:role/admin-role","accountId":"444455556666","userName":"bob"},
             "attributes":{"creationDate":"2020-09-03T22:14:13Z","mfaAuthenticated":"false"}}}
            """#)
        #expect(JSONWriter.string(UserIdentityBlock.render(Fixtures.assumedRole)) == expected)
    }

    @Test func rootIdentityMatchesTheConsoleSignInExample() {
        let expected = Fixtures.compact(
            #"{"type":"Root","principalId":"AIDACKCEVSQ6C2EXAMPLE","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333","accessKeyId":""}"#
        )
        #expect(JSONWriter.string(UserIdentityBlock.render(Fixtures.root)) == expected)
    }

    @Test func iamUserIdentityMatchesTheUserIdentityExample() {
        let alice = CallerIdentity(
            type: .iamUser, principalId: "AIDAJ45Q7YFFAREXAMPLE", arn: "arn:aws:iam::123456789012:user/Alice",
            accountId: "123456789012", accessKeyId: "", userName: "Alice")
        let expected = Fixtures.compact(
            #"{"type":"IAMUser","principalId":"AIDAJ45Q7YFFAREXAMPLE","arn":"arn:aws:iam::123456789012:user/Alice","accountId":"123456789012","accessKeyId":"","userName":"Alice"}"#
        )
        #expect(JSONWriter.string(UserIdentityBlock.render(alice)) == expected)
    }

    @Test func anonymousAccountIdentityOmitsAbsentFields() {
        let expected = Fixtures.compact(#"{"type":"AWSAccount","principalId":"AIDAJ45Q7YFFAREXAMPLE","accountId":"123456789012"}"#)
        #expect(JSONWriter.string(UserIdentityBlock.render(Fixtures.anonymous)) == expected)
    }

    @Test func federatedUserCarriesItsIssuerAndStringTypedMFA() {
        let expected = Fixtures.compact(
            #"""
            {"type":"FederatedUser","principalId":"123456789012:bob","arn":"arn:aws:sts::123456789012:federated-user/bob","accountId":"123456789012","accessKeyId":"ASIAEXAMPLEFEDERATED",
             "sessionContext":{"sessionIssuer":{"type":"IAMUser","principalId":"AIDAEXAMPLEALICE","arn":"arn:aws:iam::123456789012:user/alice","accountId":"123456789012","userName":"alice"},
             "attributes":{"creationDate":"2026-01-01T00:00:00Z","mfaAuthenticated":"true"}}}
            """#)
        #expect(JSONWriter.string(UserIdentityBlock.render(Fixtures.federated)) == expected)
    }

    @Test func describeTableHasNullResponseAndModernKeyOrder() {
        let event = CloudTrailEvent(
            context: Fixtures.context(Fixtures.assumedRole, account: "111122223333", region: "us-west-2"),
            eventSource: "dynamodb.amazonaws.com", eventName: "DescribeTable", requestParameters: ["tableName": "Music"],
            readOnly: true, apiVersion: "2012-08-10", recipientAccountId: "111122223333",
            resources: [
                .init(accountId: "111122223333", type: "AWS::DynamoDB::Table", arn: "arn:aws:dynamodb:us-west-2:111122223333:table/Music")
            ])
        let record = CloudTrailRecord.render(event, eventTime: Fixtures.date("2015-05-04T02:43:11Z").addingTimeInterval(0.9), eventID: "id")
        #expect(
            record.objectValue?.keys == [
                "eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress",
                "userAgent", "requestParameters", "responseElements", "requestID", "eventID", "readOnly", "resources",
                "eventType", "apiVersion", "managementEvent", "recipientAccountId", "eventCategory",
            ])
        #expect(record["eventTime"] == "2015-05-04T02:43:11Z")
        #expect(record["responseElements"] == .null)
        #expect(record["readOnly"] == .bool(true))
        #expect(record["managementEvent"] == .bool(true))
        #expect(
            JSONWriter.string(record["resources"] ?? .null)
                == #"[{"accountId":"111122223333","type":"AWS::DynamoDB::Table","ARN":"arn:aws:dynamodb:us-west-2:111122223333:table/Music"}]"#
        )
    }

    @Test func emptyPayloadsAreNullAndOversizedFieldsAreCut() {
        let longAgent = String(repeating: "é", count: 600)  // 1200 bytes
        let event = CloudTrailEvent(
            context: Fixtures.context(userAgent: longAgent), eventSource: "dynamodb.amazonaws.com", eventName: "ListTables",
            requestParameters: .object(JSONObject()), responseElements: ["big": .string(String(repeating: "x", count: 200_000))],
            readOnly: true, recipientAccountId: "123456789012")
        let record = CloudTrailRecord.render(event, eventTime: Date(timeIntervalSince1970: 0), eventID: "x")
        #expect(record["requestParameters"] == .null)
        #expect(record["responseElements"] == .null)
        #expect(record["userAgent"]?.stringValue?.utf8.count == 1024)
        #expect(record["eventTime"] == "1970-01-01T00:00:00Z")
    }

    @Test func lowerCamelCasesOnlyTheFirstCharacterAtEveryDepth() {
        let request: JSONValue = [
            "TableName": "Music",
            "SSESpecification": ["Enabled": true, "KMSMasterKeyId": "k"],
            "KeySchema": [["AttributeName": "Artist", "KeyType": "HASH"]],
            "ExpressionAttributeNames": ["#AT": "AlbumTitle"],
            "Key": ["Artist": "No One You Know"],
        ]
        let shaped = CloudTrailPayload.lowerCamelKeys(request, opaqueMembers: ["ExpressionAttributeNames", "Key"])
        #expect(
            JSONWriter.string(shaped)
                == ##"{"tableName":"Music","sSESpecification":{"enabled":true,"kMSMasterKeyId":"k"},"keySchema":[{"attributeName":"Artist","keyType":"HASH"}],"expressionAttributeNames":{"#AT":"AlbumTitle"},"key":{"Artist":"No One You Know"}}"##
        )
        #expect(CloudTrailPayload.lowerCamel("SSEDescription") == "sSEDescription")
        #expect(CloudTrailPayload.lowerCamel("") == "")
    }

    @Test func aLowerCamelMemberNeverDuplicatesTheRealOne() {
        // `tableName` is unknown to DynamoDB; lowering `TableName` must not give the record two `tableName`s.
        for request: JSONValue in [["TableName": "Real", "tableName": "Other"], ["tableName": "Other", "TableName": "Real"]] {
            #expect(JSONWriter.string(CloudTrailPayload.lowerCamelKeys(request)) == #"{"tableName":"Real"}"#)
        }
        #expect(JSONWriter.string(CloudTrailPayload.lowerCamelKeys(["extra": 1, "TableName": "T"])) == #"{"extra":1,"tableName":"T"}"#)
    }

    @Test func gzipIsOneMemberThatZlibInflates() throws {
        let body = Array(#"{"Records":[{"a":1}]}"#.utf8)
        let compressed = try Gzip.compress(body)
        #expect(compressed.prefix(3) == [0x1F, 0x8B, 0x08])
        #expect(try gunzip(compressed) == body)
        // A second member appended must be rejected by the strict single-member reader.
        #expect(throws: Gzip.Failure.self) { try gunzip(compressed + compressed) }
        #expect(throws: Gzip.Failure.self) { try gunzip(Array(compressed.dropLast(4))) }
        let large = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        #expect(try gunzip(Gzip.compress(large)) == large)
    }

    @Test func objectMetadataRoundTripsAndNamesItsSidecar() throws {
        let metadata = ObjectMetadata(
            contentType: "application/json", contentEncoding: "gzip", serverSideEncryption: "aws:kms",
            sseKMSKeyId: "arn:aws:kms:us-east-1:123456789012:key/abc", storageClass: "GLACIER",
            userMetadata: ["signature": "ab", "signature-algorithm": "SHA256withRSA"], etag: "d41d8cd98f00b204e9800998ecf8427e",
            lastModified: Date(timeIntervalSince1970: 1_767_225_600.25))
        #expect(try ObjectMetadata.decode(metadata.encoded()) == metadata)
        #expect(ObjectMetadata.sidecarPath(forKey: "AWSLogs/1/x.json.gz") == ".dynamotrail/metadata/AWSLogs/1/x.json.gz.json")
        #expect(
            String(decoding: metadata.encoded(), as: UTF8.self).hasPrefix(
                #"{"contentType":"application/json","contentEncoding":"gzip","serverSideEncryption":"aws:kms""#))
        #expect(throws: ObjectMetadata.DecodingError.self) { try ObjectMetadata.decode(Array("{}".utf8)) }
        let hostile = #"{"contentType":"a","serverSideEncryption":"AES256","storageClass":"STANDARD","lastModified":-1e300}"#
        #expect(throws: ObjectMetadata.DecodingError.self) { try ObjectMetadata.decode(Array(hostile.utf8)) }
    }
}

@Suite struct MoreRecordTests {
    @Test func describeStreamMatchesTheRealRecordWithProperJSONTypes() {
        // A real DescribeStream record (published 2019 fixture), with the fixture's stringified null/true restored to JSON types,
        // eventVersion 1.11, and eventCategory (added in 1.07) at its place.
        let expected = Fixtures.compact(
            #"""
            {"eventVersion":"1.11","userIdentity":{"type":"AssumedRole","principalId":"AROARUJDO4XNS3VDZZQ4C:awslambda_292_20191110150720334",
            "arn":"arn:aws:sts::112280397275:assumed-role/picture-organizing-two-ProcessKeywordDBStreamRole-1ILTPEVDZ86SM/awslambda_292_20191110150720334",
            "accountId":"112280397275","accessKeyId":"ASIARUJDO4XNSCW45Z7T","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROARUJDO4XNS3VDZZQ4C",
            "arn":"arn:aws:iam::112280397275:role/picture-organizing-two-ProcessKeywordDBStreamRole-1ILTPEVDZ86SM","accountId":"112280397275",
            "userName":"picture-organizing-two-ProcessKeywordDBStreamRole-1ILTPEVDZ86SM"},"attributes":{"creationDate":"2019-11-10T15:07:20Z","mfaAuthenticated":"false"}}},
            "eventTime":"2019-11-10T15:10:52Z","eventSource":"dynamodb.amazonaws.com","eventName":"DescribeStream","awsRegion":"us-east-1","sourceIPAddress":"54.237.198.6",
            "userAgent":"leb-kcl-6193f5fe-c0f5-45ae-b1b0-65f92d577657,amazon-kinesis-client-library-java-lambda_1.2.1, aws-internal/3 aws-sdk-java/1.11.419 Linux/4.14.133-88.105.amzn1.x86_64 OpenJDK_64-Bit_Server_VM/25.181-b13 java/1.8.0_181",
            "requestParameters":{"streamArn":"arn:aws:dynamodb:us-east-1:112280397275:table/master-pictures/stream/2019-10-09T00:07:23.254"},"responseElements":null,
            "requestID":"LAHU4HOSPLHRP4V91QGF0LTH0VVV4KQNSO5AEMVJF66Q9ASUAAJG","eventID":"d8ef6772-d406-4c5a-a2fa-2923126c938c","readOnly":true,
            "eventType":"AwsApiCall","apiVersion":"2012-08-10","managementEvent":true,"recipientAccountId":"112280397275","eventCategory":"Management"}
            """#)
        let identity = CallerIdentity(
            type: .assumedRole, principalId: "AROARUJDO4XNS3VDZZQ4C:awslambda_292_20191110150720334",
            arn:
                "arn:aws:sts::112280397275:assumed-role/picture-organizing-two-ProcessKeywordDBStreamRole-1ILTPEVDZ86SM/awslambda_292_20191110150720334",
            accountId: "112280397275", accessKeyId: "ASIARUJDO4XNSCW45Z7T",
            sessionContext: SessionContext(
                sessionIssuer: SessionIssuer(
                    type: "Role", principalId: "AROARUJDO4XNS3VDZZQ4C",
                    arn: "arn:aws:iam::112280397275:role/picture-organizing-two-ProcessKeywordDBStreamRole-1ILTPEVDZ86SM",
                    accountId: "112280397275", userName: "picture-organizing-two-ProcessKeywordDBStreamRole-1ILTPEVDZ86SM"),
                creationDate: Fixtures.date("2019-11-10T15:07:20Z"), mfaAuthenticated: false))
        var context = Fixtures.context(
            identity, account: "112280397275",
            userAgent:
                "leb-kcl-6193f5fe-c0f5-45ae-b1b0-65f92d577657,amazon-kinesis-client-library-java-lambda_1.2.1, aws-internal/3 aws-sdk-java/1.11.419 Linux/4.14.133-88.105.amzn1.x86_64 OpenJDK_64-Bit_Server_VM/25.181-b13 java/1.8.0_181",
            requestId: "LAHU4HOSPLHRP4V91QGF0LTH0VVV4KQNSO5AEMVJF66Q9ASUAAJG")
        context.sourceIPAddress = "54.237.198.6"
        let event = CloudTrailEvent(
            context: context, eventSource: "dynamodb.amazonaws.com", eventName: "DescribeStream",
            requestParameters: [
                "streamArn": "arn:aws:dynamodb:us-east-1:112280397275:table/master-pictures/stream/2019-10-09T00:07:23.254"
            ],
            readOnly: true, apiVersion: "2012-08-10", recipientAccountId: "112280397275")
        let text = String(
            decoding: CloudTrailRecord.bytes(
                event, eventTime: Fixtures.date("2019-11-10T15:10:52Z"), eventID: "d8ef6772-d406-4c5a-a2fa-2923126c938c"),
            as: UTF8.self)
        #expect(text == expected)
    }

    @Test func iamUserWithASessionCarriesOnlyAttributes() {
        // The modern IAMUser block of AWS's "CloudTrail events" example.
        let mary = CallerIdentity(
            type: .iamUser, principalId: "EXAMPLE6E4XEGITWATV6R", arn: "arn:aws:iam::123456789012:user/Mary_Major",
            accountId: "123456789012", accessKeyId: "AKIAIOSFODNN7EXAMPLE", userName: "Mary_Major",
            sessionContext: SessionContext(sessionIssuer: nil, creationDate: Fixtures.date("2023-07-19T21:11:57Z"), mfaAuthenticated: false)
        )
        let expected = Fixtures.compact(
            #"""
            {"type":"IAMUser","principalId":"EXAMPLE6E4XEGITWATV6R","arn":"arn:aws:iam::123456789012:user/Mary_Major","accountId":"123456789012",
             "accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"Mary_Major","sessionContext":{"attributes":{"creationDate":"2023-07-19T21:11:57Z","mfaAuthenticated":"false"}}}
            """#)
        #expect(JSONWriter.string(UserIdentityBlock.render(mary)) == expected)
    }
}

@Suite struct UTCTimeTests {
    @Test func formatsAndClampsHostileDates() {
        #expect(UTCTime(Date(timeIntervalSince1970: 0)).iso8601 == "1970-01-01T00:00:00Z")
        #expect(UTCTime(Date(timeIntervalSince1970: -0.5)).iso8601 == "1969-12-31T23:59:59Z")
        #expect(UTCTime(Date(timeIntervalSince1970: 1e300)).iso8601 == "9999-12-31T23:59:59Z")
        #expect(UTCTime(Date(timeIntervalSince1970: -1e300)).iso8601 == "0001-01-01T00:00:00Z")
        #expect(UTCTime(Date(timeIntervalSince1970: .nan)).iso8601 == "1970-01-01T00:00:00Z")
        #expect(UTCTime(Fixtures.date("2024-02-29T13:07:09Z")).fileNameStamp == "20240229T1307Z")
        #expect(UTCTime(Fixtures.date("2024-02-29T13:07:09Z")).folderPath == "2024/02/29")
        let payload: JSONValue = ["lastDecreaseDateTime": .number(JSONNumber(text: "1e999"))]
        #expect(
            CloudTrailPayload.recordDates(in: payload, dateMembers: ["lastDecreaseDateTime"])["lastDecreaseDateTime"]
                == "Dec 31, 9999, 11:59:59 PM")
    }
}
