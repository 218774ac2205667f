import AWSProtocol
import Foundation
import Testing

@testable import CallHandling
@testable import DynamoTrail

/// The Authenticator in enforce mode: SigV4 signatures are verified against the configured secrets,
/// with AWS's errors for every way a request can fail.
@Suite struct EnforceModeAuthTests {
    typealias Fixtures = AuthFixtures

    @Test func acceptsBotocoresSignedListTablesAsAlice() throws {
        let (auth, _) = Fixtures.authenticator(.enforce)
        let alice = try auth.authenticate(Fixtures.botoListTables, expectedService: "dynamodb").get()
        #expect(alice.identity.type == .iamUser && alice.identity.userName == "alice")
        #expect(alice.accountId == "123456789012" && alice.region == "us-west-2" && !alice.usedSessionCredentials)
        #expect(alice.identity.accessKeyId == Fixtures.aliceKey)
    }

    @Test func theCallContextCarriesTheCallersIdentityAccountAndRegion() throws {
        let (auth, _) = Fixtures.authenticator(.enforce)
        let alice = try auth.authenticate(Fixtures.botoListTables, expectedService: "dynamodb").get()
        let context = alice.callContext(sourceIPAddress: "127.0.0.1", userAgent: "ua", requestId: "R", receivedAt: Fixtures.signedAt)
        #expect(context.identity == alice.identity && context.region == "us-west-2" && context.accountId == "123456789012")
    }

    @Test func acceptsBotocoresSessionSignedRequestAsTheAssumedRole() throws {
        let (auth, _) = Fixtures.authenticator(.enforce)
        let role = try auth.authenticate(Fixtures.botoRoleDescribeTable, expectedService: "dynamodb").get()
        #expect(role.identity.type == .assumedRole && role.region == "eu-west-1" && role.usedSessionCredentials)
    }

    @Test func acceptsEveryConfiguredType() throws {
        let (auth, _) = Fixtures.authenticator(.enforce)
        let root = try auth.authenticate(Fixtures.signed(key: "AKIAROOTKEY000000001", secret: "rootSecret"), expectedService: "dynamodb")
            .get()
        #expect(root.identity.type == .root)
        let bob = try auth.authenticate(
            Fixtures.signed(key: "ASIAFEDERATEDBOB0001", secret: "bobSecret", token: "bobToken"), expectedService: "dynamodb"
        ).get()
        #expect(bob.identity.type == .federatedUser && bob.usedSessionCredentials)
        let carol = try auth.authenticate(
            Fixtures.signed(key: "AKIACAROL00000000001", secret: "carolSecret", service: "cloudtrail", region: "ap-south-1"),
            expectedService: "cloudtrail"
        ).get()
        #expect(carol.accountId == "210987654321" && carol.region == "ap-south-1")
    }

    @Test func wrongSecret() {
        let (auth, _) = Fixtures.authenticator(.enforce)
        let failure = Fixtures.failure(
            auth.authenticate(Fixtures.signed(key: Fixtures.aliceKey, secret: "nope"), expectedService: "dynamodb"))
        guard case .invalidSignature = failure else {
            Issue.record("expected invalidSignature, got \(String(describing: failure))")
            return
        }
        #expect(failure?.jsonError.type == "com.amazon.coral.service#InvalidSignatureException")
        #expect(
            failure?.jsonError.message
                == "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
        )
        #expect(failure?.s3Error.code == "SignatureDoesNotMatch")
    }

    @Test func unknownKey() {
        let (auth, _) = Fixtures.authenticator(.enforce)
        let failure = Fixtures.failure(auth.authenticate(Fixtures.signed(key: "AKIAUNKNOWN", secret: "x"), expectedService: "dynamodb"))
        #expect(failure == .unrecognizedClient(accessKeyId: "AKIAUNKNOWN"))
        #expect(
            failure?.jsonError
                == AWSServiceError(
                    type: "com.amazon.coral.service#UnrecognizedClientException",
                    message: "The security token included in the request is invalid."))
    }

    @Test func aTamperedBodyBreaksTheSignature() {
        let (auth, _) = Fixtures.authenticator(.enforce)
        var body = Fixtures.botoListTables
        body.payload = .bytes(Array(#"{"Limit":5}"#.utf8))
        guard case .invalidSignature = Fixtures.failure(auth.authenticate(body, expectedService: "dynamodb")) else {
            Issue.record("tampered body accepted")
            return
        }
    }

    @Test func aTamperedSignedHeaderBreaksTheSignature() {
        let (auth, _) = Fixtures.authenticator(.enforce)
        var header = Fixtures.botoListTables
        header.headers[2] = .init("X-Amz-Target", "DynamoDB_20120810.DeleteTable")
        guard case .invalidSignature = Fixtures.failure(auth.authenticate(header, expectedService: "dynamodb")) else {
            Issue.record("tampered signed header accepted")
            return
        }
    }

    @Test func anUnsignedHeaderMayChangeFreely() {
        let (auth, _) = Fixtures.authenticator(.enforce)
        var unsigned = Fixtures.botoListTables
        unsigned.headers.append(.init("X-Forwarded-For", "1.2.3.4"))
        #expect((try? auth.authenticate(unsigned, expectedService: "dynamodb").get()) != nil)
    }

    @Test func sixteenMinuteOldDateIsExpired() {
        let (auth, clock) = Fixtures.authenticator(.enforce)
        clock.advance(by: 16 * 60)
        let failure = Fixtures.failure(auth.authenticate(Fixtures.botoListTables, expectedService: "dynamodb"))
        #expect(failure == .signatureExpired(requestDate: Fixtures.signedAt, now: Fixtures.signedAt + 960))
        #expect(
            failure?.jsonError.message
                == "Signature expired: 20261124T120000Z is now earlier than 20261124T120100Z (20261124T121600Z - 15 min.)")
    }

    @Test func fourteenMinuteOldDateIsWithinTheSkew() {
        let (auth, clock) = Fixtures.authenticator(.enforce)
        clock.set(Fixtures.signedAt + 14 * 60)
        #expect((try? auth.authenticate(Fixtures.botoListTables, expectedService: "dynamodb").get()) != nil)
    }

    @Test func sixteenMinutesInTheFutureIsNotYetCurrent() {
        let (auth, _) = Fixtures.authenticator(.enforce, now: Fixtures.signedAt - 16 * 60)
        let failure = Fixtures.failure(auth.authenticate(Fixtures.botoListTables, expectedService: "dynamodb"))
        #expect(
            failure?.jsonError.message
                == "Signature not yet current: 20261124T120000Z is still later than 20261124T115900Z (20261124T114400Z + 15 min.)")
    }

    @Test func sessionCredentialsWithoutTheirTokenAreUnrecognized() {
        let (auth, _) = Fixtures.authenticator(.enforce)
        let missing = Fixtures.failure(
            auth.authenticate(Fixtures.signed(key: Fixtures.roleKey, secret: "roleSecret"), expectedService: "dynamodb"))
        #expect(missing == .missingSessionToken(accessKeyId: Fixtures.roleKey))
        #expect(missing?.jsonError.message == "The security token included in the request is invalid.")
        #expect(missing?.jsonError.code == "UnrecognizedClientException")
    }

    @Test func aWrongOrUnexpectedSessionTokenIsInvalid() {
        let (auth, _) = Fixtures.authenticator(.enforce)
        let wrong = Fixtures.failure(
            auth.authenticate(Fixtures.signed(key: Fixtures.roleKey, secret: "roleSecret", token: "other"), expectedService: "dynamodb"))
        #expect(wrong == .invalidSessionToken(accessKeyId: Fixtures.roleKey))
        let unexpected = Fixtures.failure(
            auth.authenticate(
                Fixtures.signed(key: Fixtures.aliceKey, secret: Fixtures.aliceSecret, token: "t"), expectedService: "dynamodb"))
        #expect(unexpected == .invalidSessionToken(accessKeyId: Fixtures.aliceKey))
    }

    @Test func wrongServiceInBothModes() {
        for mode in AuthSettings.Mode.allCases {
            let (auth, _) = Fixtures.authenticator(mode)
            let failure = Fixtures.failure(
                auth.authenticate(
                    Fixtures.signed(key: Fixtures.aliceKey, secret: Fixtures.aliceSecret, service: "s3"), expectedService: "dynamodb"))
            #expect(failure?.jsonError.message == "Credential should be scoped to correct service: 'dynamodb'. ")
        }
    }

    @Test func anUnsignedRequestIsMissingItsAuthenticationToken() {
        let (auth, _) = Fixtures.authenticator(.enforce)
        let unsigned = SigV4Request(method: "POST", rawPath: "/", headers: [("Host", "h")])
        #expect(Fixtures.failure(auth.authenticate(unsigned, expectedService: "dynamodb")) == .missingAuthenticationToken)
    }

    @Test func aBareAuthorizationHeaderListsEveryMissingPart() {
        let (auth, _) = Fixtures.authenticator(.enforce)
        let bare = SigV4Request(method: "POST", rawPath: "/", headers: [("Authorization", "AWS4-")])
        #expect(
            Fixtures.failure(auth.authenticate(bare, expectedService: "dynamodb"))?.jsonError.message
                == "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-"
        )
    }
}
