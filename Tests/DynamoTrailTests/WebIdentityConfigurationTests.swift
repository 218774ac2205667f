import AWSProtocol
import CallHandling
import Testing

@testable import DynamoTrail

/// `webIdentity` on a configured AssumedRole: read into the identity, and refused at start with the key and
/// the reason when AWS could not have issued such a session.
@Suite struct WebIdentityConfigurationTests {
    static func config(_ identity: String, account: String = "123456789012") -> [UInt8] {
        Array(
            """
            {"accounts":[{"accountId":"\(account)","identities":[{"accessKeyId":"ASIAWEBIDENTITY00001","secretAccessKey":"s",
             "sessionToken":"t",\(identity)}]}]}
            """.utf8)
    }

    static let role = #""type":"AssumedRole","roleName":"gha","sessionName":"GitHubActions""#

    @Test func aGitHubActionsSessionIsRead() throws {
        let provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
        let loaded = try Configuration.load(
            fileBytes: Self.config(Self.role + #","webIdentity":{"provider":"\#(provider)"}"#), environment: [:], flags: [:])
        let identity = try #require(loaded.accounts.first?.identities.first)
        #expect(identity.webIdentity == WebIdFederationData(federatedProvider: provider))
        let account = try #require(loaded.accounts.first)
        let caller = CallerIdentityFactory.identity(for: identity, in: account, creationDate: .init(timeIntervalSince1970: 0))
        #expect(caller.sessionContext?.webIdFederationData?.federatedProvider == provider)
        #expect(caller.sessionContext?.mfaAuthenticated == false)
    }

    @Test func cognitoClaimsAreRead() throws {
        let loaded = try Configuration.load(
            fileBytes: Self.config(
                Self.role
                    + #","webIdentity":{"provider":"cognito-identity.amazonaws.com","attributes":{"cognito-identity.amazonaws.com:aud":"us-east-1:pool"}}"#
            ), environment: [:], flags: [:])
        #expect(
            loaded.accounts.first?.identities.first?.webIdentity?.attributes == [
                "cognito-identity.amazonaws.com:aud": "us-east-1:pool"
            ])
    }

    @Test(arguments: [
        (
            #""type":"IAMUser","userName":"u","webIdentity":{"provider":"accounts.google.com"}"#,
            "accounts[0].identities[0].webIdentity: is only for type AssumedRole (sessions from AssumeRoleWithWebIdentity)"
        ),
        (
            role + #","mfaAuthenticated":true,"webIdentity":{"provider":"accounts.google.com"}"#,
            "accounts[0].identities[0].mfaAuthenticated: must be false with webIdentity (AssumeRoleWithWebIdentity takes no MFA)"
        ),
        (role + #","webIdentity":{}"#, "accounts[0].identities[0].webIdentity.provider: is required"),
        (role + #","webIdentity":"github""#, "accounts[0].identities[0].webIdentity: must be a JSON object"),
        (
            role + #","webIdentity":{"provider":"token.actions.githubusercontent.com"}"#,
            #"accounts[0].identities[0].webIdentity.provider: must be an IAM OIDC provider ARN (arn:aws:iam::ACCOUNT:oidc-provider/HOST) or one of "cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com", "www.amazon.com""#
        ),
        (
            role + #","webIdentity":{"provider":"arn:aws:iam::12345:oidc-provider/token.actions.githubusercontent.com"}"#,
            "accounts[0].identities[0].webIdentity.provider: must name a 12-digit account in its ARN"
        ),
        (
            role + #","webIdentity":{"provider":"arn:aws:iam::123456789012:oidc-provider/"}"#,
            "accounts[0].identities[0].webIdentity.provider: must name the provider's host after oidc-provider/ (like token.actions.githubusercontent.com)"
        ),
        (
            role + #","webIdentity":{"provider":"arn:aws:iam::210987654321:oidc-provider/token.actions.githubusercontent.com"}"#,
            "accounts[0].identities[0].webIdentity.provider: must be an OIDC provider of account 123456789012, the role's account"
        ),
        (
            role + #","webIdentity":{"provider":"accounts.google.com","attributes":{"sub":1}}"#,
            "accounts[0].identities[0].webIdentity.attributes.sub: must be a string"
        ),
        (
            role + #","webIdentity":{"provider":"accounts.google.com","claims":{}}"#,
            "accounts[0].identities[0].webIdentity.claims: unknown key"
        ),
    ])
    func badWebIdentitiesNameTheKey(_ identity: String, _ message: String) {
        #expect(throws: ConfigurationError.self) {
            do {
                _ = try Configuration.load(fileBytes: Self.config(identity), environment: [:], flags: [:])
            } catch {
                #expect("\(error)" == message)
                throw error
            }
        }
    }
}
