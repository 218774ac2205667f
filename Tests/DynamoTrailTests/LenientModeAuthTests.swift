import AWSProtocol
import Foundation
import Testing

@testable import CallHandling
@testable import DynamoTrail

/// The Authenticator in lenient mode: signatures are not checked, and the access key alone names the caller.
@Suite struct LenientModeAuthTests {
    typealias Fixtures = AuthFixtures

    @Test func noCredentialsIsRefusedUnlessAnonymousCallersAreAllowed() throws {
        let (strict, _) = Fixtures.authenticator(.lenient)
        let unsigned = SigV4Request(method: "POST", rawPath: "/", headers: [("Host", "h")])
        #expect(Fixtures.failure(strict.authenticate(unsigned, expectedService: "dynamodb")) == .missingAuthenticationToken)
        #expect(
            Fixtures.failure(strict.authenticate(unsigned, expectedService: "dynamodb"))?.jsonError.message
                == "Request is missing Authentication Token")
        let (enforcing, _) = Fixtures.authenticator(.enforce, allowAnonymous: true)
        #expect(Fixtures.failure(enforcing.authenticate(unsigned, expectedService: "dynamodb")) == .missingAuthenticationToken)
    }

    @Test func noCredentialsIsAnonymous() throws {
        let (auth, _) = Fixtures.authenticator(.lenient, allowAnonymous: true)
        let caller = try auth.authenticate(SigV4Request(method: "GET", rawPath: "/", headers: [("Host", "h")]), expectedService: "s3").get()
        #expect(caller.identity.type == .awsAccount && caller.identity.arn == nil && caller.identity.accessKeyId == nil)
        #expect(caller.accountId == "123456789012" && caller.region == "us-east-1" && !caller.usedSessionCredentials)
    }

    @Test func anUnknownKeyIsAnIAMUserOfTheDefaultAccount() throws {
        let (auth, _) = Fixtures.authenticator(.lenient)
        let caller = try auth.authenticate(
            Fixtures.signed(key: "AKIAUNKNOWN", secret: "x", region: "eu-north-1"), expectedService: "dynamodb"
        ).get()
        #expect(caller.identity.type == .iamUser && caller.identity.userName == "AKIAUNKNOWN")
        #expect(caller.identity.arn == "arn:aws:iam::123456789012:user/AKIAUNKNOWN")
        #expect(caller.identity.principalId == DerivedPrincipalID.user(accountId: "123456789012", userName: "AKIAUNKNOWN"))
        #expect(caller.accountId == "123456789012" && caller.region == "eu-north-1")
    }

    @Test func anUnknownKeyWithASessionTokenUsedSessionCredentials() throws {
        let (auth, _) = Fixtures.authenticator(.lenient)
        let temporary = try auth.authenticate(Fixtures.signed(key: "ASIAUNKNOWN", secret: "x", token: "t"), expectedService: "dynamodb")
            .get()
        #expect(temporary.usedSessionCredentials && temporary.identity.type == .iamUser)
    }

    @Test func aTwelveDigitKeyNamesTheAccount() throws {
        let (auth, _) = Fixtures.authenticator(.lenient)
        // 210987654321 is configured with the alias "prod" (the root user's userName); 111122223333 is not configured.
        for (account, alias) in [("210987654321", "prod"), ("111122223333", nil)] {
            let caller = try auth.authenticate(Fixtures.signed(key: account, secret: "x"), expectedService: "dynamodb").get()
            #expect(caller.accountId == account)
            #expect(caller.identity == CallerIdentityFactory.root(accountId: account, accessKeyId: account, alias: alias))
        }
    }

    /// Not 12 digits: an ordinary unknown key.
    @Test func aThirteenDigitKeyIsAnOrdinaryUnknownKey() throws {
        let (auth, _) = Fixtures.authenticator(.lenient)
        let caller = try auth.authenticate(Fixtures.signed(key: "1234567890123", secret: "x"), expectedService: "dynamodb").get()
        #expect(caller.identity.type == .iamUser && caller.accountId == "123456789012")
    }

    @Test func configuredKeysMapToTheirIdentityWhateverTheSignature() throws {
        let (auth, _) = Fixtures.authenticator(.lenient, now: Fixtures.signedAt + 86_400)
        let alice = try auth.authenticate(Fixtures.signed(key: Fixtures.aliceKey, secret: "wrong"), expectedService: "dynamodb").get()
        #expect(alice.identity.userName == "alice")
        let role = try auth.authenticate(Fixtures.signed(key: Fixtures.roleKey, secret: "wrong"), expectedService: "dynamodb").get()
        #expect(role.identity.type == .assumedRole && !role.usedSessionCredentials)
        let carol = try auth.authenticate(Fixtures.signed(key: "AKIACAROL00000000001", secret: "x"), expectedService: "dynamodb").get()
        #expect(carol.accountId == "210987654321" && carol.identity.principalId == "AIDACAROLCONFIGURED1")
        #expect(carol.isDenied(action: "dynamodb:DescribeTable") && !carol.isDenied(action: "dynamodb:ListTables"))
    }

    @Test func malformedCredentialsAreStillReported() {
        let (auth, _) = Fixtures.authenticator(.lenient)
        let both = SigV4Request(
            method: "GET", rawPath: "/", rawQuery: "X-Amz-Algorithm=AWS4-HMAC-SHA256", headers: [("Authorization", "AWS4-HMAC-SHA256 x")])
        #expect(Fixtures.failure(auth.authenticate(both, expectedService: "s3")) == .bothHeaderAndQuery)
    }
}
