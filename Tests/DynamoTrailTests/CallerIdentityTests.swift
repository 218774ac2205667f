import AWSProtocol
import CloudTrail
import Foundation
import Testing

@testable import CallHandling
@testable import DynamoTrail

/// The identities the Authenticator builds for each configured type (as CloudTrail's `userIdentity`
/// shows them), the derived principal ids, and the default account.
@Suite struct CallerIdentityTests {
    typealias Fixtures = AuthFixtures

    @Test func anAssumedRoleHasItsSessionIssuer() throws {
        let (auth, _) = Fixtures.authenticator(.enforce)
        let role = try auth.authenticate(Fixtures.botoRoleDescribeTable, expectedService: "dynamodb").get().identity
        let roleId = DerivedPrincipalID.role(accountId: "123456789012", roleName: "admin-role")
        #expect(role.principalId == "\(roleId):jane")
        #expect(role.arn == "arn:aws:sts::123456789012:assumed-role/admin-role/jane")
        #expect(role.userName == nil && role.accessKeyId == Fixtures.roleKey)
        #expect(
            role.sessionContext
                == SessionContext(
                    sessionIssuer: SessionIssuer(
                        type: "Role", principalId: roleId, arn: "arn:aws:iam::123456789012:role/admin-role",
                        accountId: "123456789012", userName: "admin-role"), creationDate: Fixtures.signedAt, mfaAuthenticated: true))
    }

    @Test func aFederatedUserIsIssuedByItsIAMUser() throws {
        let (auth, _) = Fixtures.authenticator(.enforce)
        let bob = try auth.authenticate(
            Fixtures.signed(key: "ASIAFEDERATEDBOB0001", secret: "bobSecret", token: "bobToken"), expectedService: "dynamodb"
        ).get().identity
        #expect(bob.principalId == "123456789012:bob" && bob.arn == "arn:aws:sts::123456789012:federated-user/bob")
        let issuer = try #require(bob.sessionContext?.sessionIssuer)
        #expect(issuer.type == "IAMUser" && issuer.userName == "alice" && issuer.arn == "arn:aws:iam::123456789012:user/alice")
        #expect(issuer.principalId == DerivedPrincipalID.user(accountId: "123456789012", userName: "alice"))
    }

    @Test func rootIsTheAccountItself() throws {
        let (auth, _) = Fixtures.authenticator(.enforce)
        let root = try auth.authenticate(Fixtures.signed(key: "AKIAROOTKEY000000001", secret: "rootSecret"), expectedService: "dynamodb")
            .get().identity
        #expect(root.principalId == "123456789012" && root.arn == "arn:aws:iam::123456789012:root" && root.sessionContext == nil)
        // The account has the alias "dev": CloudTrail names the root user by it.
        #expect(root.userName == "dev")
    }

    @Test func aRootWithoutAnAliasHasNoUserName() throws {
        let (auth, _) = Fixtures.authenticator(.lenient)
        let known = try auth.authenticate(Fixtures.signed(key: "210987654321", secret: "x"), expectedService: "dynamodb").get()
        #expect(known.identity.type == .root && known.identity.userName == "prod")
        let unknown = try auth.authenticate(Fixtures.signed(key: "444455556666", secret: "x"), expectedService: "dynamodb").get()
        #expect(unknown.identity.type == .root && unknown.identity.userName == nil)
        let block = UserIdentityBlock.render(CallerIdentityFactory.root(accountId: "444455556666", accessKeyId: "k", alias: ""))
        #expect(block["userName"] == nil)
    }

    @Test func anIAMUserHasAUserARNAndNoSession() throws {
        let (auth, _) = Fixtures.authenticator(.enforce)
        let alice = try auth.authenticate(Fixtures.botoListTables, expectedService: "dynamodb").get().identity
        #expect(alice.arn == "arn:aws:iam::123456789012:user/alice" && alice.sessionContext == nil)
    }

    @Test func derivedIdsLookLikeAWSs() {
        let id = DerivedPrincipalID.user(accountId: "123456789012", userName: "alice")
        #expect(id.count == 21 && id.hasPrefix("AIDA"))
        #expect(id.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) })
        // IAM's unique ids use the base32 alphabet: no 0, 1, 8 or 9.
        for name in ["alice", "bob", "carol", "deployer", "x"] {
            let derived = DerivedPrincipalID.user(accountId: "123456789012", userName: name).dropFirst(4)
            #expect(derived.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 50 && $0 <= 55) }, "\(derived)")
        }
        #expect(id == DerivedPrincipalID.user(accountId: "123456789012", userName: "alice"))
        #expect(id != DerivedPrincipalID.user(accountId: "210987654321", userName: "alice"))
        let role = DerivedPrincipalID.role(accountId: "123456789012", roleName: "alice")
        #expect(role.hasPrefix("AROA") && role.count == 21 && role.dropFirst(4) != id.dropFirst(4))
    }

    @Test func defaultAccountFallsBack() {
        let clock = ManualWallClock()
        #expect(Authenticator(mode: .lenient, accounts: [], defaultRegion: "us-east-1", clock: clock).defaultAccountId == "123456789012")
        let first = AccountSettings(accountId: "111111111111")
        let second = AccountSettings(accountId: "222222222222")
        #expect(
            Authenticator(mode: .lenient, accounts: [first, second], defaultRegion: "r", clock: clock).defaultAccountId == "111111111111")
    }
}
