import Foundation
import Testing

@testable import AWSProtocol

/// The published aws-sig-v4-test-suite (2015-08-30 edition; AKIDEXAMPLE, us-east-1, service `service`),
/// cases embedded byte for byte, plus requests signed by botocore 1.43.11 as an independent oracle.
@Suite struct SigV4SuiteTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let date = "20150830T123600Z"
    static let scope = "20150830/us-east-1/service/aws4_request"

    struct Vector: Sendable, CustomTestStringConvertible {
        var name: String
        var method: String
        var path: String
        var query: String = ""
        var headers: [(String, String)]
        var body: String = ""
        var signedHeaders: [String]
        var signature: String
        var testDescription: String { name }
    }

    static let host = ("Host", "example.amazonaws.com")
    static let amzDate = ("X-Amz-Date", "20150830T123600Z")
    static let token =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="

    static let vectors: [Vector] = [
        Vector(
            name: "get-vanilla", method: "GET", path: "/", headers: [host, amzDate], signedHeaders: ["host", "x-amz-date"],
            signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        Vector(
            name: "get-vanilla-query-order-key-case", method: "GET", path: "/", query: "Param2=value2&Param1=value1",
            headers: [host, amzDate], signedHeaders: ["host", "x-amz-date"],
            signature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        Vector(
            name: "get-header-value-trim", method: "GET", path: "/",
            headers: [host, ("My-Header1", " value1"), ("My-Header2", " \"a   b   c\""), amzDate],
            signedHeaders: ["host", "my-header1", "my-header2", "x-amz-date"],
            signature: "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
        Vector(
            name: "get-header-value-order", method: "GET", path: "/",
            headers: [
                host, ("My-Header1", "value4"), ("My-Header1", "value1"), ("My-Header1", "value3"),
                ("My-Header1", "value2"), amzDate,
            ], signedHeaders: ["host", "my-header1", "x-amz-date"],
            signature: "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"),
        Vector(
            name: "post-x-www-form-urlencoded", method: "POST", path: "/",
            headers: [("Content-Type", "application/x-www-form-urlencoded"), host, amzDate], body: "Param1=value1",
            signedHeaders: ["content-type", "host", "x-amz-date"],
            signature: "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
        Vector(
            name: "post-x-www-form-urlencoded-parameters", method: "POST", path: "/",
            headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf8"), host, amzDate],
            body: "Param1=value1", signedHeaders: ["content-type", "host", "x-amz-date"],
            signature: "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe"),
        Vector(
            name: "get-utf8", method: "GET", path: "/%E1%88%B4", headers: [host, amzDate],
            signedHeaders: ["host", "x-amz-date"],
            signature: "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
        Vector(
            name: "get-vanilla-utf8-query", method: "GET", path: "/", query: "%E1%88%B4=bar", headers: [host, amzDate],
            signedHeaders: ["host", "x-amz-date"],
            signature: "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
        Vector(
            name: "get-vanilla-empty-query-key", method: "GET", path: "/", query: "Param1=value1",
            headers: [host, amzDate], signedHeaders: ["host", "x-amz-date"],
            signature: "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"),
        Vector(
            name: "post-vanilla-query-nonunreserved", method: "POST", path: "/",
            query: "%40%23%24%25%5E=&%2B=%2F%2C%3F%3E%3C%60%22%3B%3A%5C%7C%5D%5B%7B%7D", headers: [host, amzDate],
            signedHeaders: ["host", "x-amz-date"],
            signature: "66c82657c86e26fb25238d0e69f011edc4c6df5ae71119d7cb98ed9b87393c1e"),
        Vector(
            name: "get-unreserved", method: "GET",
            path: "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", headers: [host, amzDate],
            signedHeaders: ["host", "x-amz-date"],
            signature: "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
        Vector(
            name: "normalize-path/get-space", method: "GET", path: "/example%20space/", headers: [host, amzDate],
            signedHeaders: ["host", "x-amz-date"],
            signature: "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
        Vector(
            name: "normalize-path/get-slash-dot-slash", method: "GET", path: "/./", headers: [host, amzDate],
            signedHeaders: ["host", "x-amz-date"],
            signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        Vector(
            name: "normalize-path/get-slashes", method: "GET", path: "//example//", headers: [host, amzDate],
            signedHeaders: ["host", "x-amz-date"],
            signature: "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"),
        Vector(
            name: "normalize-path/get-slash-pointless-dot", method: "GET", path: "/./example", headers: [host, amzDate],
            signedHeaders: ["host", "x-amz-date"],
            signature: "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5"),
        Vector(
            name: "normalize-path/get-relative-relative", method: "GET", path: "/example1/example2/../..",
            headers: [host, amzDate], signedHeaders: ["host", "x-amz-date"],
            signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        Vector(
            name: "post-sts-header-before", method: "POST", path: "/",
            headers: [host, amzDate, ("X-Amz-Security-Token", token)],
            signedHeaders: ["host", "x-amz-date", "x-amz-security-token"],
            signature: "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"),
        Vector(
            name: "post-sts-header-after", method: "POST", path: "/",
            headers: [host, amzDate, ("X-Amz-Security-Token", token)], signedHeaders: ["host", "x-amz-date"],
            signature: "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
    ]

    static func request(_ v: Vector) -> SigV4Request {
        SigV4Request(method: v.method, rawPath: v.path, rawQuery: v.query, headers: v.headers, body: Array(v.body.utf8))
    }

    static func signature(_ v: Vector) -> String {
        let creq = SigV4Signer.canonicalRequest(
            request(v), signedHeaders: v.signedHeaders, style: .singleEncoded, presigned: false)
        let sts = SigV4Signer.stringToSign(amzDate: date, scope: scope, canonicalRequest: creq)
        let key = SigV4Signer.signingKey(secret: secret, date: "20150830", region: "us-east-1", service: "service")
        return SigV4Signer.signature(signingKey: key, stringToSign: sts)
    }

    @Test(arguments: vectors) func suiteSignature(_ v: Vector) {
        #expect(Self.signature(v) == v.signature)
    }

    @Test(arguments: vectors) func suiteAuthorizationHeaderParsesAndVerifies(_ v: Vector) throws {
        var req = Self.request(v)
        let authz =
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\(Self.scope), SignedHeaders=\(v.signedHeaders.joined(separator: ";")), Signature=\(v.signature)"
        req.headers.append(.init("Authorization", authz))
        let auth = try #require(try SigV4Authorization.parse(req).get())
        #expect(auth.accessKeyId == "AKIDEXAMPLE")
        #expect(auth.region == "us-east-1" && auth.service == "service" && auth.scopeDate == "20150830")
        #expect(auth.signedHeaders == v.signedHeaders)
        #expect(SigV4Verifier.checkScope(auth, expectedService: "service") == nil)
        #expect(SigV4Verifier.checkSignature(auth, request: req, secret: Self.secret, style: .singleEncoded) == nil)
        #expect(SigV4Verifier.checkSignature(auth, request: req, secret: "wrong", style: .singleEncoded) != nil)
    }

    @Test func canonicalRequestAndStringToSignAreByteExact() {
        // post-x-www-form-urlencoded.creq and .sts, verbatim.
        let v = Self.vectors.first { $0.name == "post-x-www-form-urlencoded" }!
        let creq = SigV4Signer.canonicalRequest(
            Self.request(v), signedHeaders: v.signedHeaders, style: .singleEncoded, presigned: false)
        #expect(
            creq
                == "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"
        )
        #expect(
            SigV4Signer.stringToSign(amzDate: Self.date, scope: Self.scope, canonicalRequest: creq)
                == "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281"
        )
        // get-vanilla-query-order-key.creq: same key, values sorted byte-wise (uppercase first).
        let q = SigV4Request(
            method: "GET", rawPath: "/", rawQuery: "Param1=value2&Param1=Value1", headers: [Self.host, Self.amzDate])
        #expect(
            SigV4Signer.canonicalRequest(q, signedHeaders: ["host", "x-amz-date"], style: .singleEncoded, presigned: false)
                == "GET\n/\nParam1=Value1&Param1=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        )
    }

    @Test func pathStyles() {
        #expect(SigV4Signer.canonicalURI("/example%20space/", style: .singleEncoded) == "/example%20space/")
        #expect(SigV4Signer.canonicalURI("/example%20space/", style: .doubleEncoded) == "/example%2520space/")
        #expect(SigV4Signer.canonicalURI("/b/a%20b/./c", style: .s3) == "/b/a%20b/./c")
        #expect(SigV4Signer.canonicalURI("", style: .doubleEncoded) == "/")
        #expect(SigV4Signer.canonicalURI("", style: .s3) == "/")
        #expect(SigV4Signer.canonicalURI("/..", style: .doubleEncoded) == "/")
    }

    // MARK: botocore 1.43.11 as oracle (requests signed by botocore.auth with a frozen clock).

    static let bcSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

    @Test func botoSignedDynamoDBListTablesVerifies() throws {
        let req = SigV4Request(
            method: "POST", rawPath: "/",
            headers: [
                ("Host", "localhost:8000"), ("Accept-Encoding", "identity"),
                ("X-Amz-Target", "DynamoDB_20120810.ListTables"), ("Content-Type", "application/x-amz-json-1.0"),
                ("User-Agent", "Boto3/1.41.11 md/Botocore#1.43.11"), ("X-Amz-Date", "20261124T120000Z"),
                ("Content-Length", "2"),
                (
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261124/us-west-2/dynamodb/aws4_request, SignedHeaders=accept-encoding;content-length;content-type;host;x-amz-date;x-amz-target, Signature=7cb72588d8e877fe43c1e0d8edaa673a61497b2d6eae56deb06d23f6922290e1"
                ),
            ], body: Array("{}".utf8))
        let auth = try #require(try SigV4Authorization.parse(req).get())
        #expect(auth.region == "us-west-2")
        #expect(SigV4Verifier.checkSignature(auth, request: req, secret: Self.bcSecret, style: .doubleEncoded) == nil)
        var tampered = req
        tampered.payload = .bytes(Array(#"{"Limit":1}"#.utf8))
        #expect(SigV4Verifier.checkSignature(auth, request: tampered, secret: Self.bcSecret, style: .doubleEncoded) != nil)
    }

    @Test func botoSignedCloudTrailPathIsDoubleEncoded() throws {
        let req = SigV4Request(
            method: "POST", rawPath: "/x%20y/./z", rawQuery: "b=2&a=1",
            headers: [
                ("Host", "localhost:8000"), ("Content-Type", "application/x-amz-json-1.1"),
                ("X-Amz-Date", "20261125T030005Z"),
                (
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261125/us-east-1/cloudtrail/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=be4b979255a5c05515e387d69038cd271c31266c012e17b3fc9de9875938ad31"
                ),
            ], body: Array("{}".utf8))
        let auth = try #require(try SigV4Authorization.parse(req).get())
        #expect(SigV4Verifier.checkSignature(auth, request: req, secret: Self.bcSecret, style: .doubleEncoded) == nil)
        #expect(SigV4Verifier.checkSignature(auth, request: req, secret: Self.bcSecret, style: .singleEncoded) != nil)
    }

    @Test func botoPresignedS3URLVerifies() throws {
        let req = SigV4Request(
            method: "GET", rawPath: "/dynamotrail-logs/AWSLogs/a%20b.json.gz",
            rawQuery:
                "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261124%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261124T120000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=f28731faa790227cc0a7083a372da966d152f49810b6923f24589eef1f90a54e",
            headers: [("Host", "localhost:8000")])
        let auth = try #require(try SigV4Authorization.parse(req).get())
        #expect(auth.source == .query && auth.expires == 3600 && auth.service == "s3")
        #expect(SigV4Verifier.checkSignature(auth, request: req, secret: Self.bcSecret, style: .s3) == nil)
        let signedAt = try #require(SigV4Date.parseBasic("20261124T120000Z"))
        #expect(SigV4Verifier.checkTime(auth, now: signedAt + 3600) == nil)
        #expect(
            SigV4Verifier.checkTime(auth, now: signedAt + 3601)
                == .presignedExpired(signedAt: signedAt, expiresSeconds: 3600, now: signedAt + 3601))
        // Our own presigner produces the same URL.
        let ours = SigV4Signer.presignedQuery(
            for: SigV4Request(method: "GET", rawPath: "/dynamotrail-logs/AWSLogs/a%20b.json.gz", headers: [("Host", "localhost:8000")]),
            accessKeyId: "AKIAIOSFODNN7EXAMPLE", secret: Self.bcSecret, region: "us-east-1", service: "s3",
            amzDate: "20261124T120000Z", expires: 3600)
        #expect(ours == req.rawQuery)
    }

    @Test func botoSignedS3HeaderRequestVerifies() throws {
        let req = SigV4Request(
            method: "GET", rawPath: "/dynamotrail-logs", rawQuery: "list-type=2&prefix=AWSLogs%2F&encoding-type=url",
            headers: [
                ("Host", "localhost:8000"), ("X-Amz-Date", "20261124T120000Z"),
                ("X-Amz-Content-SHA256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                (
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261124/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=d6712fdd51f3f89ac426f23d6694dca988a82d417868d6b4f0442d1c999b208d"
                ),
            ])
        let auth = try #require(try SigV4Authorization.parse(req).get())
        #expect(SigV4Verifier.checkSignature(auth, request: req, secret: Self.bcSecret, style: .s3) == nil)
        var withBody = req
        withBody.payload = .bytes([1, 2, 3])
        #expect(
            SigV4Verifier.checkSignature(auth, request: withBody, secret: Self.bcSecret, style: .s3)
                == .payloadHashMismatch(
                    provided: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                    computed: Digest.sha256Hex([1, 2, 3])))
    }

    @Test func ourSignerRoundTripsThroughTheVerifier() throws {
        var req = SigV4Request(
            method: "POST", rawPath: "/", headers: [("Host", "localhost:8000"), ("X-Amz-Date", "20261124T120000Z")],
            body: Array("{}".utf8))
        req.headers.append(
            .init(
                "Authorization",
                SigV4Signer.authorizationHeader(
                    for: req, accessKeyId: "AKID", secret: "s", region: "us-east-1", service: "dynamodb",
                    amzDate: "20261124T120000Z")))
        let auth = try #require(try SigV4Authorization.parse(req).get())
        #expect(auth.signedHeaders == ["host", "x-amz-date"])
        #expect(SigV4Verifier.checkSignature(auth, request: req, secret: "s", style: .doubleEncoded) == nil)
    }

    @Test func dates() throws {
        let d = try #require(SigV4Date.parseBasic("20150830T123600Z"))
        #expect(d.timeIntervalSince1970 == 1_440_938_160)
        #expect(SigV4Date.basic(d) == "20150830T123600Z")
        #expect(SigV4Date.extended(d) == "2015-08-30T12:36:00Z")
        #expect(SigV4Date.parseHTTP("Sun, 30 Aug 2015 12:36:00 GMT") == d)
        #expect(SigV4Date.parseBasic("20150230T123600Z") == nil)
        #expect(SigV4Date.parseBasic("20150830T123600") == nil)
        #expect(SigV4Date.parseBasic("") == nil)
        #expect(SigV4Date.parseBasic("2015083OT123600Z") == nil)
        #expect(SigV4Date.parseHTTP("30 Aug 2015") == nil)
        #expect(SigV4Date.basic(Date(timeIntervalSince1970: 951_782_400)) == "20000229T000000Z")
    }
}
