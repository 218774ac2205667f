import AWSProtocol
import Foundation

@testable import CallHandling
@testable import DynamoTrail

/// The accounts, identities and signed requests the authentication tests share: alice (IAM user),
/// an assumed role, root and bob (federated, denied DeleteTable) in the default account 123456789012,
/// and carol (denied Describe*) in 210987654321.
enum AuthFixtures {
    static let aliceKey = "AKIAIOSFODNN7EXAMPLE"
    static let aliceSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let roleKey = "ASIAEXAMPLEROLEKEY01"
    static let roleToken = "FQoGZXIvYXdzEXAMPLETOKEN"
    static let signedAt = SigV4Date.parseBasic("20261124T120000Z")!

    static var accounts: [AccountSettings] {
        var alice = IdentitySettings(type: .iamUser, accessKeyId: aliceKey, secretAccessKey: aliceSecret)
        alice.userName = "alice"
        var role = IdentitySettings(type: .assumedRole, accessKeyId: roleKey, secretAccessKey: "roleSecret")
        role.roleName = "admin-role"
        role.sessionName = "jane"
        role.sessionToken = roleToken
        role.mfaAuthenticated = true
        let root = IdentitySettings(type: .root, accessKeyId: "AKIAROOTKEY000000001", secretAccessKey: "rootSecret")
        var bob = IdentitySettings(type: .federatedUser, accessKeyId: "ASIAFEDERATEDBOB0001", secretAccessKey: "bobSecret")
        bob.federatedName = "bob"
        bob.issuerUserName = "alice"
        bob.sessionToken = "bobToken"
        bob.deny = ["dynamodb:DeleteTable"]
        var carol = IdentitySettings(type: .iamUser, accessKeyId: "AKIACAROL00000000001", secretAccessKey: "carolSecret")
        carol.userName = "carol"
        carol.principalId = "AIDACAROLCONFIGURED1"
        carol.deny = ["dynamodb:Describe*"]
        return [
            AccountSettings(accountId: "210987654321", alias: "prod", identities: [carol]),
            AccountSettings(accountId: "123456789012", alias: "dev", isDefault: true, identities: [alice, role, root, bob]),
        ]
    }

    static func authenticator(_ mode: AuthSettings.Mode, now: Date = signedAt, allowAnonymous: Bool = false) -> (
        Authenticator, ManualWallClock
    ) {
        let clock = ManualWallClock(now)
        return (
            Authenticator(mode: mode, accounts: accounts, defaultRegion: "us-east-1", clock: clock, allowAnonymous: allowAnonymous),
            clock
        )
    }

    /// botocore 1.43.11's ListTables request, signed by alice for us-west-2 at 2026-11-24T12:00:00Z.
    static var botoListTables: SigV4Request {
        SigV4Request(
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
    }

    /// botocore 1.43.11's DescribeTable request with session credentials, eu-west-1.
    static var botoRoleDescribeTable: SigV4Request {
        SigV4Request(
            method: "POST", rawPath: "/",
            headers: [
                ("Host", "localhost:8000"), ("X-Amz-Target", "DynamoDB_20120810.DescribeTable"),
                ("Content-Type", "application/x-amz-json-1.0"), ("X-Amz-Date", "20261124T120000Z"),
                ("X-Amz-Security-Token", roleToken),
                (
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEROLEKEY01/20261124/eu-west-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=ccf1fd8c094b31d3ec37adea46e1362a7f80e772dd67e4e7ee09a8e2d1dad36c"
                ),
            ], body: Array(#"{"TableName":"t"}"#.utf8))
    }

    /// A request signed by our signer (itself checked against the test suite and botocore).
    static func signed(
        key: String, secret: String, token: String? = nil, service: String = "dynamodb", region: String = "us-east-1",
        amzDate: String = "20261124T120000Z", body: String = "{}"
    ) -> SigV4Request {
        var headers: [(String, String)] = [
            ("Host", "localhost:8000"), ("X-Amz-Target", "DynamoDB_20120810.ListTables"), ("X-Amz-Date", amzDate),
        ]
        if let token { headers.append(("X-Amz-Security-Token", token)) }
        var request = SigV4Request(method: "POST", rawPath: "/", headers: headers, body: Array(body.utf8))
        request.headers.append(
            .init(
                "Authorization",
                SigV4Signer.authorizationHeader(
                    for: request, accessKeyId: key, secret: secret, region: region, service: service, amzDate: amzDate)))
        return request
    }

    static func failure(_ result: Result<AuthenticatedCaller, SigV4Failure>) -> SigV4Failure? {
        if case .failure(let f) = result { return f }
        return nil
    }
}
