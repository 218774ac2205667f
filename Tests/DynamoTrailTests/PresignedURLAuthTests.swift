import AWSProtocol
import Foundation
import Testing

@testable import CallHandling
@testable import DynamoTrail

/// Pre-signed S3 URLs (the signature in the query) in enforce mode: their expiry, and what S3 requires of them.
@Suite struct PresignedURLAuthTests {
    typealias Fixtures = AuthFixtures

    /// A GET of a log file pre-signed by alice at the fixtures' signing time, valid for 300 seconds.
    static var presignedGet: SigV4Request {
        let base = SigV4Request(method: "GET", rawPath: "/dynamotrail-logs/AWSLogs/x.json.gz", headers: [("Host", "localhost:8000")])
        var request = base
        request.rawQuery = SigV4Signer.presignedQuery(
            for: base, accessKeyId: Fixtures.aliceKey, secret: Fixtures.aliceSecret, region: "us-east-1", service: "s3",
            amzDate: "20261124T120000Z", expires: 300)
        return request
    }

    @Test func aPresignedURLWorksUntilItExpires() {
        let (auth, clock) = Fixtures.authenticator(.enforce)
        let request = Self.presignedGet
        clock.advance(by: 299)
        #expect((try? auth.authenticate(request, expectedService: "s3").get())?.identity.userName == "alice")
        clock.advance(by: 2)
        let failure = Fixtures.failure(auth.authenticate(request, expectedService: "s3"))
        #expect(failure == .presignedExpired(signedAt: Fixtures.signedAt, expiresSeconds: 300, now: Fixtures.signedAt + 301))
        #expect(failure?.s3Error.code == "AccessDenied" && failure?.s3Error.message == "Request has expired")
    }

    /// S3 wants X-Amz-Expires.
    @Test func aPresignedURLWithoutXAmzExpiresIsRefused() {
        let (auth, _) = Fixtures.authenticator(.enforce)
        var noExpires = Self.presignedGet
        noExpires.rawQuery = noExpires.rawQuery.replacingOccurrences(of: "&X-Amz-Expires=300", with: "")
        #expect(
            Fixtures.failure(auth.authenticate(noExpires, expectedService: "s3"))?.s3Error.code == "AuthorizationQueryParametersError")
    }

    /// The signature covers the query: changing X-Amz-Expires breaks it.
    @Test func stretchingTheExpiryBreaksTheSignature() {
        let (auth, _) = Fixtures.authenticator(.enforce)
        var stretched = Self.presignedGet
        stretched.rawQuery = stretched.rawQuery.replacingOccurrences(of: "X-Amz-Expires=300", with: "X-Amz-Expires=600")
        guard case .invalidSignature = Fixtures.failure(auth.authenticate(stretched, expectedService: "s3")) else {
            Issue.record("stretched pre-signed URL accepted")
            return
        }
    }
}
