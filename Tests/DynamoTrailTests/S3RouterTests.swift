import AWSProtocol
import CallHandling
import DynamoTrail
import Foundation
import TestSupport
import Testing

/// S3 through the real server: routing by path, S3's request-id headers, SigV4 for `s3` with S3's XML
/// errors, deny lists on `s3:` actions, HEAD without bodies, writes refused.
@Suite struct S3RouterTests {
    static let signedAt = SigV4Date.parseBasic("20261124T120000Z")!
    static let key = ("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let denied = ("AKIANOGETOBJECT00001", "noGetSecret")

    static func enforcing(_ configuration: inout Configuration) {
        configuration.auth.mode = .enforce
        var alice = IdentitySettings(type: .iamUser, accessKeyId: key.0, secretAccessKey: key.1)
        alice.userName = "alice"
        var reader = IdentitySettings(type: .iamUser, accessKeyId: denied.0, secretAccessKey: denied.1)
        reader.userName = "lister"
        reader.deny = ["s3:GetObject"]
        configuration.accounts = [AccountSettings(accountId: "111122223333", isDefault: true, identities: [alice, reader])]
    }

    /// Sends a request signed for `service` as botocore signs S3 (host, x-amz-content-sha256, x-amz-date),
    /// through URLSession (which sends `Host: 127.0.0.1:PORT`, the value signed here).
    static func signed(
        _ server: TestServer, _ method: String, _ target: String, key: (String, String) = key, secret: String? = nil,
        service: String = "s3"
    ) async throws -> TestHTTPClient.Response {
        let amzDate = SigV4Date.basic(signedAt)
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let headers = [("host", "127.0.0.1:\(server.port)"), ("x-amz-content-sha256", "UNSIGNED-PAYLOAD"), ("x-amz-date", amzDate)]
        let request = SigV4Request(
            method: method, rawPath: String(parts[0]), rawQuery: parts.count > 1 ? String(parts[1]) : "", headers: headers)
        let authorization = SigV4Signer.authorizationHeader(
            for: request, accessKeyId: key.0, secret: secret ?? key.1, region: "us-east-1", service: service, amzDate: amzDate)
        return try await TestHTTPClient(baseURL: server.baseURL).send(
            method, target,
            headers: ["x-amz-content-sha256": "UNSIGNED-PAYLOAD", "X-Amz-Date": amzDate, "Authorization": authorization])
    }

    static func put(_ server: TestServer, _ key: String, _ text: String) throws {
        let url = server.bucket.appendingPathComponent(key)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static let logKey = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/24/f.json.gz"

    /// Runs `body` with a listening lenient server whose bucket holds one log file (`gz`) and one
    /// private journal file, and a URLSession client for it.
    static func withLogBucket(_ body: (TestServer, TestHTTPClient) async throws -> Void) async throws {
        try await withServer { (server: TestServer) async throws in
            try put(server, logKey, "gz")
            try put(server, ".dynamotrail/journal/1", "private")
            try await body(server, TestHTTPClient(baseURL: server.baseURL))
        }
    }

    /// Runs `body` with a listening enforce-mode server (clock at the signing time) holding `k.txt`.
    static func withEnforcingServer(_ body: (TestServer) async throws -> Void) async throws {
        try await withServer(clock: ManualWallClock(signedAt), configure: enforcing) { (server: TestServer) async throws in
            try put(server, "k.txt", "hello")
            try await body(server)
        }
    }

    @Test func listsTheBucketDirectoryWithS3RequestIdsButNotItsPrivateFiles() async throws {
        try await Self.withLogBucket { server, client in
            let list = try await client.send("GET", "/dynamotrail-logs?prefix=AWSLogs%2F&encoding-type=url")
            #expect(list.status == 200)
            #expect(list.header("Content-Type") == "application/xml")
            #expect(list.header("x-amz-request-id")?.range(of: "^[0-9A-F]{16}$", options: .regularExpression) != nil)
            #expect(list.header("x-amz-id-2")?.isEmpty == false)
            #expect(list.text.contains("<Key>AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/24/f.json.gz</Key>"))
            #expect(!list.text.contains(".dynamotrail"))
        }
    }

    @Test func headAnswersTheObjectsLengthAndETagWithoutABody() async throws {
        try await Self.withLogBucket { server, client in
            let head = try await client.send("HEAD", "/dynamotrail-logs/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/24/f.json.gz")
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "2")
            #expect(head.body.isEmpty)
            #expect(head.header("ETag") == "\"\(Hex.encode(Digest.md5(Array("gz".utf8))))\"")
        }
    }

    @Test func aMissingKeyIsNoSuchKeyWithTheRequestIds() async throws {
        try await Self.withLogBucket { server, client in
            let missing = try await client.send("GET", "/dynamotrail-logs/nope")
            #expect(missing.status == 404)
            let requestId = try #require(missing.header("x-amz-request-id"))
            let hostId = try #require(missing.header("x-amz-id-2"))
            #expect(
                missing.text
                    == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>nope</Key><RequestId>\(requestId)</RequestId><HostId>\(hostId)</HostId></Error>"
            )
            let missingHead = try await client.send("HEAD", "/dynamotrail-logs/nope")
            #expect(missingHead.status == 404)
            #expect(missingHead.body.isEmpty)
        }
    }

    @Test func anotherBucketDoesNotExistAndOursHasNoLocationConstraint() async throws {
        try await Self.withLogBucket { server, client in
            let otherBucket = try await client.send("GET", "/another-bucket")
            #expect(otherBucket.status == 404)
            #expect(
                otherBucket.text.contains(
                    "<Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>another-bucket</BucketName>"
                ))
            let location = try await client.send("GET", "/dynamotrail-logs?location")
            #expect(location.text.hasSuffix("<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>"))
        }
    }

    @Test func writesAreRefusedAndWriteNothing() async throws {
        try await Self.withLogBucket { server, client in
            for method in ["PUT", "DELETE", "POST"] {
                let write = try await client.send(method, "/dynamotrail-logs/new-object", body: Array("x".utf8))
                #expect(write.status == 403, "\(method)")
                #expect(write.text.contains("<Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>"), "\(method)")
            }
            #expect(!FileManager.default.fileExists(atPath: server.bucket.appendingPathComponent("new-object").path))
        }
    }

    @Test func aRangedGetAnswersPartialContent() async throws {
        try await Self.withLogBucket { server, client in
            let ranged = try await client.send(
                "GET", "/dynamotrail-logs/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/24/f.json.gz", headers: ["Range": "bytes=1-"])
            #expect(ranged.status == 206)
            #expect(ranged.text == "z")
            #expect(ranged.header("Content-Range") == "bytes 1-1/2")
        }
    }

    @Test func enforceModeServesCorrectlySignedReads() async throws {
        try await Self.withEnforcingServer { server in
            let ok = try await Self.signed(server, "GET", "/dynamotrail-logs/k.txt")
            #expect(ok.status == 200)
            #expect(ok.text == "hello")
            let listed = try await Self.signed(server, "GET", "/dynamotrail-logs?list-type=2&prefix=k")
            #expect(listed.text.contains("<KeyCount>1</KeyCount>"))
        }
    }

    @Test func enforceModeRefusesUnsignedRequestsWithAccessDenied() async throws {
        try await Self.withEnforcingServer { server in
            let unsigned = try await TestHTTPClient(baseURL: server.baseURL).send("GET", "/dynamotrail-logs/k.txt")
            #expect(unsigned.status == 403)
            #expect(unsigned.text.contains("<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>"))
        }
    }

    @Test func enforceModeAnswersSignatureErrorsInS3sXML() async throws {
        try await Self.withEnforcingServer { server in
            let wrongSecret = try await Self.signed(server, "GET", "/dynamotrail-logs/k.txt", secret: "wrong")
            #expect(wrongSecret.status == 403)
            #expect(
                wrongSecret.text.contains(
                    "<Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\n20261124T120000Z\n20261124/us-east-1/s3/aws4_request\n"
                ))
            #expect(wrongSecret.header("x-amz-request-id") != nil)

            let unknown = try await Self.signed(server, "GET", "/dynamotrail-logs/k.txt", key: ("AKIAUNKNOWN000000001", "x"))
            #expect(unknown.status == 403)
            #expect(
                unknown.text.contains(
                    "<Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message><AWSAccessKeyId>AKIAUNKNOWN000000001</AWSAccessKeyId>"
                ))

            let wrongService = try await Self.signed(server, "GET", "/dynamotrail-logs/k.txt", service: "dynamodb")
            #expect(wrongService.status == 400)
            #expect(wrongService.text.contains("<Code>AuthorizationHeaderMalformed</Code>"))
        }
    }

    /// Signed writes pass authentication and are then refused.
    @Test func enforceModeRefusesSignedWrites() async throws {
        try await Self.withEnforcingServer { server in
            let put = try await Self.signed(server, "PUT", "/dynamotrail-logs/k.txt")
            #expect(put.status == 403)
            #expect(put.text.contains("<Code>AccessDenied</Code>"))
        }
    }

    @Test func denyListsApplyToS3Actions() async throws {
        try await Self.withEnforcingServer { server in
            let get = try await Self.signed(server, "GET", "/dynamotrail-logs/k.txt", key: Self.denied)
            #expect(get.status == 403)
            #expect(get.text.contains("<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>"))
            let list = try await Self.signed(server, "GET", "/dynamotrail-logs", key: Self.denied)
            #expect(list.status == 200)
            #expect(list.text.contains("<Key>k.txt</Key>"))
        }
    }
}
