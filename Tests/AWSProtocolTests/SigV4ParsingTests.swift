import Foundation
import Testing

@testable import AWSProtocol

/// The SigV4 parsers fed well-formed, incomplete and odd input, and the exact texts each failure renders to.
@Suite struct SigV4ParsingTests {
    static let date = ("X-Amz-Date", "20150830T123600Z")

    static func parse(_ headers: [(String, String)], query: String = "") -> Result<SigV4Authorization?, SigV4Failure> {
        SigV4Authorization.parse(SigV4Request(method: "POST", rawPath: "/", rawQuery: query, headers: headers))
    }

    static func message(_ result: Result<SigV4Authorization?, SigV4Failure>) -> String? {
        if case .failure(let f) = result { return f.jsonError.message }
        return nil
    }

    @Test func noCredentialsIsUnsigned() throws {
        #expect(try Self.parse([("Host", "h")]).get() == nil)
        // All query parameters but X-Amz-Algorithm: not a query signature at all (observed DynamoDB behaviour).
        #expect(
            try Self.parse([], query: "X-Amz-Credential=a%2Fb&X-Amz-Signature=x&X-Amz-SignedHeaders=host&X-Amz-Date=20150830T123600Z")
                .get() == nil)
    }

    @Test func headerNotStartingAWS4IsMissingToken() {
        for value in ["AWS4", "X", "", " AWS4-HMAC-SHA256 Credential=a", "AWS AKID:sig"] {
            #expect(Self.parse([("Authorization", value)]) == .failure(.missingAuthenticationToken), "\(value)")
        }
        #expect(
            SigV4Failure.missingAuthenticationToken.jsonError
                == AWSServiceError(
                    type: "com.amazon.coral.service#MissingAuthenticationTokenException",
                    message: "Request is missing Authentication Token"))
    }

    @Test func bareAWS4ListsEverythingMissing() {
        #expect(
            Self.message(Self.parse([("Authorization", "AWS4-")]))
                == "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-"
        )
        #expect(Self.parse([("Authorization", "AWS4-")]).failureType == "com.amazon.coral.service#IncompleteSignatureException")
    }

    @Test func missingSignedHeadersWithDateHeader() {
        #expect(
            Self.message(Self.parse([("Authorization", "AWS4- Signature=b, Credential=a"), ("Date", "Sun, 30 Aug 2015 12:36:00 GMT")]))
                == "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4- Signature=b, Credential=a")
        // Separated by a bare comma, or by spaces only: the same.
        #expect(
            Self.message(Self.parse([("Authorization", "AWS4- Signature=b,Credential=a"), Self.date]))
                == "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4- Signature=b,Credential=a")
        #expect(
            Self.message(Self.parse([("Authorization", "AWS4- Signature=b Credential=a"), Self.date]))
                == "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4- Signature=b Credential=a")
    }

    @Test func emptyParameterValuesCountAsMissing() {
        #expect(
            Self.message(Self.parse([("Authorization", "AWS4-HMAC-SHA256 Credential=, SignedHeaders=host, Signature="), Self.date]))
                == "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256 Credential=, SignedHeaders=host, Signature="
        )
    }

    @Test func truncatedCredential() {
        #expect(
            Self.message(Self.parse([("Authorization", "AWS4-HMAC-SHA256 Credential=AK/2015"), Self.date]))
                == "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=AK/2015"
        )
        #expect(
            Self.message(
                Self.parse([("Authorization", "AWS4-HMAC-SHA256 Credential=AK/2015, SignedHeaders=host, Signature=ab"), Self.date]))
                == "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AK/2015'")
    }

    @Test func extraSpacesAndCommasAreTolerated() throws {
        let value =
            "AWS4-HMAC-SHA256   Credential=AK/20150830/us-east-1/service/aws4_request,,SignedHeaders=host;x-amz-date ,  Signature=abc,"
        let auth = try #require(try Self.parse([("Authorization", value), Self.date]).get())
        #expect(auth.accessKeyId == "AK" && auth.signedHeaders == ["host", "x-amz-date"] && auth.signature == "abc")
        #expect(auth.amzDate == "20150830T123600Z")
    }

    @Test func dateHeaderStandsInForXAmzDate() throws {
        let auth = try #require(
            try Self.parse([
                (
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AK/20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature=a"
                ),
                ("Date", "Sun, 30 Aug 2015 12:36:00 GMT"),
            ]).get())
        #expect(auth.amzDate == "20150830T123600Z")
        // A malformed X-Amz-Date is reported as no date.
        #expect(
            Self.message(
                Self.parse([
                    ("Authorization", "AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=a"), ("X-Amz-Date", "2015"),
                ]))
                == "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=a"
        )
    }

    @Test func bothHeaderAndQuery() {
        let result = Self.parse([("Authorization", "AWS4-HMAC-SHA256 Credential=a")], query: "X-Amz-Algorithm=AWS4-HMAC-SHA256")
        #expect(result == .failure(.bothHeaderAndQuery))
        #expect(result.failureType == "com.amazon.coral.service#InvalidSignatureException")
        #expect(Self.message(result) == "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.")
    }

    @Test func emptyQueryAlgorithmListsEveryParameter() {
        #expect(
            Self.message(Self.parse([], query: "X-Amz-Algorithm"))
                == "AWS query-string parameters must include 'X-Amz-Algorithm'. AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-SignedHeaders'. AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters."
        )
        #expect(
            Self.message(Self.parse([], query: "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a&X-Amz-Date=20150830T123600Z"))
                == "AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-SignedHeaders'. Re-examine the query-string parameters."
        )
    }

    static let fullQuery =
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F20150830%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host&X-Amz-Signature=abc"

    @Test func queryParametersDecodeAndExpiresIsChecked() throws {
        let auth = try #require(try Self.parse([], query: Self.fullQuery + "&X-Amz-Expires=60&X-Amz-Security-Token=a%2Bb").get())
        #expect(auth.source == .query && auth.accessKeyId == "AK" && auth.service == "s3" && auth.expires == 60)
        #expect(auth.sessionToken == "a+b")
        #expect(
            Self.parse([], query: Self.fullQuery + "&X-Amz-Expires=abc") == .failure(.invalidExpires("X-Amz-Expires should be a number")))
        #expect(
            Self.parse([], query: Self.fullQuery + "&X-Amz-Expires=-1") == .failure(.invalidExpires("X-Amz-Expires must be non-negative")))
        #expect(
            Self.parse([], query: Self.fullQuery + "&X-Amz-Expires=604801")
                == .failure(.invalidExpires("X-Amz-Expires must be less than a week (in seconds) that is 604800")))
        #expect(
            Self.parse([], query: Self.fullQuery.replacingOccurrences(of: "AWS4-HMAC-SHA256", with: "AWS4-HMAC-SHA1"))
                == .failure(.unsupportedAlgorithm("AWS4-HMAC-SHA1")))
    }

    @Test func everyPrefixOfAValidInputParsesWithoutTrapping() {
        let header =
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
        for n in 0...header.count {
            _ = Self.parse([("Authorization", String(header.prefix(n))), Self.date])
        }
        for n in 0...Self.fullQuery.count {
            _ = Self.parse([], query: String(Self.fullQuery.prefix(n)))
        }
        #expect(SigV4Signer.canonicalQuery("a=%&b=%4&c=%zz&&=&d", excludingSignature: false) == "=&a=%25&b=%254&c=%25zz&d=")
    }

    @Test func scopeChecks() throws {
        let auth = try #require(
            try Self.parse([
                ("Authorization", "AWS4-HMAC-SHA256 Credential=AK/20150830/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=a"),
                Self.date,
            ]).get())
        let wrong = try #require(SigV4Verifier.checkScope(auth, expectedService: "dynamodb"))
        #expect(wrong.jsonError.message == "Credential should be scoped to correct service: 'dynamodb'. ")
        #expect(wrong.s3Error.code == "AuthorizationHeaderMalformed")
        var other = auth
        other.terminator = "aws5_request"
        #expect(SigV4Verifier.checkScope(other, expectedService: "s3") == .wrongTerminator("aws5_request"))
        other = auth
        other.scopeDate = "20150831"
        #expect(
            SigV4Verifier.checkScope(other, expectedService: "s3")?.jsonError.message
                == "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150831' != '20150830', from '20150830T123600Z'."
        )
    }

    @Test func emptyRegionIsInvalid() throws {
        let auth = try #require(
            try Self.parse([
                ("Authorization", "AWS4-HMAC-SHA256 Credential=AK/20150830//dynamodb/aws4_request, SignedHeaders=host, Signature=a"),
                Self.date,
            ]).get())
        let failure = try #require(SigV4Verifier.checkScope(auth, expectedService: "dynamodb"))
        #expect(failure.jsonError.message == "Credential should be scoped to a valid region, not ''. ")
    }

    @Test func s3ErrorXML() {
        let xml = SigV4Failure.unrecognizedClient(accessKeyId: "A<&>").s3Error.xml(requestId: "R1", hostId: "H1")
        #expect(
            xml
                == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message><AWSAccessKeyId>A&lt;&amp;&gt;</AWSAccessKeyId><RequestId>R1</RequestId><HostId>H1</HostId></Error>"
        )
    }

    @Test func s3UnsignedPayloadIsSignedLiterally() throws {
        var request = SigV4Request(
            method: "GET", rawPath: "/b/k",
            headers: [("Host", "h"), ("X-Amz-Date", "20150830T123600Z"), ("x-amz-content-sha256", "UNSIGNED-PAYLOAD")],
            body: [1, 2, 3])
        #expect(SigV4Signer.payloadHash(request, style: .s3, presigned: false) == "UNSIGNED-PAYLOAD")
        #expect(SigV4Signer.payloadHash(request, style: .doubleEncoded, presigned: false) == Digest.sha256Hex([1, 2, 3]))
        request.headers.append(
            .init(
                "Authorization",
                SigV4Signer.authorizationHeader(
                    for: request, accessKeyId: "AK", secret: "s", region: "us-east-1", service: "s3", amzDate: "20150830T123600Z")))
        let auth = try #require(try SigV4Authorization.parse(request).get())
        #expect(SigV4Verifier.checkSignature(auth, request: request, secret: "s", style: .s3) == nil)
    }

    @Test func timeMessagesFollowDynamoDBsFormat() throws {
        let request = try #require(SigV4Date.parseBasic("20130301T000000Z"))
        let now = try #require(SigV4Date.parseBasic("20130609T100015Z"))
        let expired = SigV4Failure.signatureExpired(requestDate: request, now: now).jsonError
        #expect(expired.type == "com.amazon.coral.service#InvalidSignatureException" && expired.httpStatus == 400)
        #expect(
            expired.message
                == "Signature expired: 20130301T000000Z is now earlier than 20130609T094515Z (20130609T100015Z - 15 min.)")
        #expect(
            SigV4Failure.notYetCurrent(requestDate: now, now: request).jsonError.message
                == "Signature not yet current: 20130609T100015Z is still later than 20130301T001500Z (20130301T000000Z + 15 min.)")
        let s3 = SigV4Failure.signatureExpired(requestDate: request, now: now).s3Error
        #expect(s3.code == "RequestTimeTooSkewed" && s3.httpStatus == 403)
        #expect(
            s3.fields == [
                .init("RequestTime", "20130301T000000Z"), .init("ServerTime", "2013-06-09T10:00:15Z"),
                .init("MaxAllowedSkewMilliseconds", "900000"),
            ])
    }

    @Test func s3Renderings() {
        #expect(
            SigV4Failure.unrecognizedClient(accessKeyId: "AK").s3Error
                == SigV4S3Error(
                    "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403,
                    [.init("AWSAccessKeyId", "AK")]))
        let mismatch = SigV4Failure.invalidSignature(
            SigV4Mismatch(accessKeyId: "AK", signatureProvided: "00", stringToSign: "AB", canonicalRequest: "C")
        ).s3Error
        #expect(mismatch.code == "SignatureDoesNotMatch" && mismatch.httpStatus == 403)
        #expect(mismatch.fields.first { $0.name == "StringToSignBytes" }?.value == "41 42")
        let signedAt = Date(timeIntervalSince1970: 1_440_938_160)
        let expired = SigV4Failure.presignedExpired(signedAt: signedAt, expiresSeconds: 60, now: signedAt + 61).s3Error
        #expect(expired.code == "AccessDenied" && expired.message == "Request has expired" && expired.httpStatus == 403)
        #expect(expired.fields.map(\.value) == ["60", "2015-08-30T12:37:00Z", "2015-08-30T12:37:01Z"])
        #expect(SigV4Failure.invalidSessionToken(accessKeyId: "AK").s3Error.code == "InvalidToken")
        #expect(SigV4Failure.missingAuthenticationToken.s3Error.code == "AccessDenied")
    }
}

extension Result where Success == SigV4Authorization?, Failure == SigV4Failure {
    /// The `__type` of a failure, for terse expectations.
    var failureType: String? {
        if case .failure(let f) = self { return f.jsonError.type }
        return nil
    }
}
