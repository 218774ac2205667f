import AWSProtocol
import Foundation
import Testing

@testable import CallHandling
@testable import CloudTrailService
@testable import DynamoTrail

/// The Authenticator in both modes, the identities it builds, and deny permissions.
@Suite struct AuthTests {
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

    static func authenticator(_ mode: AuthSettings.Mode, now: Date = signedAt) -> (Authenticator, ManualWallClock) {
        let clock = ManualWallClock(now)
        return (Authenticator(mode: mode, accounts: accounts, defaultRegion: "us-east-1", clock: clock), clock)
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

    // MARK: enforce mode

    @Test func enforceAcceptsBotocoreSignedRequests() throws {
        let (auth, _) = Self.authenticator(.enforce)
        let alice = try auth.authenticate(Self.botoListTables, expectedService: "dynamodb").get()
        #expect(alice.identity.type == .iamUser && alice.identity.userName == "alice")
        #expect(alice.accountId == "123456789012" && alice.region == "us-west-2" && !alice.usedSessionCredentials)
        #expect(alice.identity.accessKeyId == Self.aliceKey)
        let context = alice.callContext(sourceIPAddress: "127.0.0.1", userAgent: "ua", requestId: "R", receivedAt: Self.signedAt)
        #expect(context.identity == alice.identity && context.region == "us-west-2" && context.accountId == "123456789012")
        let role = try auth.authenticate(Self.botoRoleDescribeTable, expectedService: "dynamodb").get()
        #expect(role.identity.type == .assumedRole && role.region == "eu-west-1" && role.usedSessionCredentials)
    }

    @Test func enforceAcceptsEveryConfiguredType() throws {
        let (auth, _) = Self.authenticator(.enforce)
        let root = try auth.authenticate(Self.signed(key: "AKIAROOTKEY000000001", secret: "rootSecret"), expectedService: "dynamodb").get()
        #expect(root.identity.type == .root)
        let bob = try auth.authenticate(
            Self.signed(key: "ASIAFEDERATEDBOB0001", secret: "bobSecret", token: "bobToken"), expectedService: "dynamodb"
        ).get()
        #expect(bob.identity.type == .federatedUser && bob.usedSessionCredentials)
        let carol = try auth.authenticate(
            Self.signed(key: "AKIACAROL00000000001", secret: "carolSecret", service: "cloudtrail", region: "ap-south-1"),
            expectedService: "cloudtrail"
        ).get()
        #expect(carol.accountId == "210987654321" && carol.region == "ap-south-1")
    }

    @Test func wrongSecret() {
        let (auth, _) = Self.authenticator(.enforce)
        let failure = Self.failure(auth.authenticate(Self.signed(key: Self.aliceKey, secret: "nope"), expectedService: "dynamodb"))
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
        let (auth, _) = Self.authenticator(.enforce)
        let failure = Self.failure(auth.authenticate(Self.signed(key: "AKIAUNKNOWN", secret: "x"), expectedService: "dynamodb"))
        #expect(failure == .unrecognizedClient(accessKeyId: "AKIAUNKNOWN"))
        #expect(
            failure?.jsonError
                == AWSServiceError(
                    type: "com.amazon.coral.service#UnrecognizedClientException",
                    message: "The security token included in the request is invalid."))
    }

    @Test func tamperedBodyAndTamperedSignedHeader() {
        let (auth, _) = Self.authenticator(.enforce)
        var body = Self.botoListTables
        body.payload = .bytes(Array(#"{"Limit":5}"#.utf8))
        guard case .invalidSignature = Self.failure(auth.authenticate(body, expectedService: "dynamodb")) else {
            Issue.record("tampered body accepted")
            return
        }
        var header = Self.botoListTables
        header.headers[2] = .init("X-Amz-Target", "DynamoDB_20120810.DeleteTable")
        guard case .invalidSignature = Self.failure(auth.authenticate(header, expectedService: "dynamodb")) else {
            Issue.record("tampered signed header accepted")
            return
        }
        // An unsigned header may change freely.
        var unsigned = Self.botoListTables
        unsigned.headers.append(.init("X-Forwarded-For", "1.2.3.4"))
        #expect((try? auth.authenticate(unsigned, expectedService: "dynamodb").get()) != nil)
    }

    @Test func sixteenMinuteOldDateIsExpired() {
        let (auth, clock) = Self.authenticator(.enforce)
        clock.advance(by: 16 * 60)
        let failure = Self.failure(auth.authenticate(Self.botoListTables, expectedService: "dynamodb"))
        #expect(failure == .signatureExpired(requestDate: Self.signedAt, now: Self.signedAt + 960))
        #expect(
            failure?.jsonError.message
                == "Signature expired: 20261124T120000Z is now earlier than 20261124T120100Z (20261124T121600Z - 15 min.)")
        // Fourteen minutes is within the skew.
        clock.set(Self.signedAt + 14 * 60)
        #expect((try? auth.authenticate(Self.botoListTables, expectedService: "dynamodb").get()) != nil)
    }

    @Test func sixteenMinutesInTheFutureIsNotYetCurrent() {
        let (auth, _) = Self.authenticator(.enforce, now: Self.signedAt - 16 * 60)
        let failure = Self.failure(auth.authenticate(Self.botoListTables, expectedService: "dynamodb"))
        #expect(
            failure?.jsonError.message
                == "Signature not yet current: 20261124T120000Z is still later than 20261124T115900Z (20261124T114400Z + 15 min.)")
    }

    @Test func expiredPresignedURL() {
        let (auth, clock) = Self.authenticator(.enforce)
        let base = SigV4Request(method: "GET", rawPath: "/dynamotrail-logs/AWSLogs/x.json.gz", headers: [("Host", "localhost:8000")])
        var request = base
        request.rawQuery = SigV4Signer.presignedQuery(
            for: base, accessKeyId: Self.aliceKey, secret: Self.aliceSecret, region: "us-east-1", service: "s3",
            amzDate: "20261124T120000Z", expires: 300)
        clock.advance(by: 299)
        #expect((try? auth.authenticate(request, expectedService: "s3").get())?.identity.userName == "alice")
        clock.advance(by: 2)
        let failure = Self.failure(auth.authenticate(request, expectedService: "s3"))
        #expect(failure == .presignedExpired(signedAt: Self.signedAt, expiresSeconds: 300, now: Self.signedAt + 301))
        #expect(failure?.s3Error.code == "AccessDenied" && failure?.s3Error.message == "Request has expired")
        // S3 wants X-Amz-Expires.
        clock.set(Self.signedAt)
        var noExpires = request
        noExpires.rawQuery = request.rawQuery.replacingOccurrences(of: "&X-Amz-Expires=300", with: "")
        #expect(Self.failure(auth.authenticate(noExpires, expectedService: "s3"))?.s3Error.code == "AuthorizationQueryParametersError")
        // The signature covers the query: changing X-Amz-Expires breaks it.
        clock.set(Self.signedAt)
        var stretched = request
        stretched.rawQuery = request.rawQuery.replacingOccurrences(of: "X-Amz-Expires=300", with: "X-Amz-Expires=600")
        guard case .invalidSignature = Self.failure(auth.authenticate(stretched, expectedService: "s3")) else {
            Issue.record("stretched pre-signed URL accepted")
            return
        }
    }

    @Test func sessionTokens() {
        let (auth, _) = Self.authenticator(.enforce)
        let missing = Self.failure(
            auth.authenticate(Self.signed(key: Self.roleKey, secret: "roleSecret"), expectedService: "dynamodb"))
        #expect(missing == .missingSessionToken(accessKeyId: Self.roleKey))
        #expect(missing?.jsonError.message == "The security token included in the request is invalid.")
        #expect(missing?.jsonError.code == "UnrecognizedClientException")
        let wrong = Self.failure(
            auth.authenticate(Self.signed(key: Self.roleKey, secret: "roleSecret", token: "other"), expectedService: "dynamodb"))
        #expect(wrong == .invalidSessionToken(accessKeyId: Self.roleKey))
        let unexpected = Self.failure(
            auth.authenticate(Self.signed(key: Self.aliceKey, secret: Self.aliceSecret, token: "t"), expectedService: "dynamodb"))
        #expect(unexpected == .invalidSessionToken(accessKeyId: Self.aliceKey))
    }

    @Test func wrongServiceInBothModes() {
        for mode in AuthSettings.Mode.allCases {
            let (auth, _) = Self.authenticator(mode)
            let failure = Self.failure(
                auth.authenticate(Self.signed(key: Self.aliceKey, secret: Self.aliceSecret, service: "s3"), expectedService: "dynamodb"))
            #expect(failure?.jsonError.message == "Credential should be scoped to correct service: 'dynamodb'. ")
        }
    }

    @Test func enforceShapeErrors() {
        let (auth, _) = Self.authenticator(.enforce)
        let unsigned = SigV4Request(method: "POST", rawPath: "/", headers: [("Host", "h")])
        #expect(Self.failure(auth.authenticate(unsigned, expectedService: "dynamodb")) == .missingAuthenticationToken)
        let bare = SigV4Request(method: "POST", rawPath: "/", headers: [("Authorization", "AWS4-")])
        #expect(
            Self.failure(auth.authenticate(bare, expectedService: "dynamodb"))?.jsonError.message
                == "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-"
        )
    }

    // MARK: lenient mode

    @Test func lenientNoCredentialsIsAnonymous() throws {
        let (auth, _) = Self.authenticator(.lenient)
        let caller = try auth.authenticate(SigV4Request(method: "GET", rawPath: "/", headers: [("Host", "h")]), expectedService: "s3").get()
        #expect(caller.identity.type == .awsAccount && caller.identity.arn == nil && caller.identity.accessKeyId == nil)
        #expect(caller.accountId == "123456789012" && caller.region == "us-east-1" && !caller.usedSessionCredentials)
    }

    @Test func lenientUnknownKeyIsAnIAMUserOfTheDefaultAccount() throws {
        let (auth, _) = Self.authenticator(.lenient)
        let caller = try auth.authenticate(Self.signed(key: "AKIAUNKNOWN", secret: "x", region: "eu-north-1"), expectedService: "dynamodb")
            .get()
        #expect(caller.identity.type == .iamUser && caller.identity.userName == "AKIAUNKNOWN")
        #expect(caller.identity.arn == "arn:aws:iam::123456789012:user/AKIAUNKNOWN")
        #expect(caller.identity.principalId == DerivedPrincipalID.user(accountId: "123456789012", userName: "AKIAUNKNOWN"))
        #expect(caller.accountId == "123456789012" && caller.region == "eu-north-1")
        let temporary = try auth.authenticate(Self.signed(key: "ASIAUNKNOWN", secret: "x", token: "t"), expectedService: "dynamodb").get()
        #expect(temporary.usedSessionCredentials && temporary.identity.type == .iamUser)
    }

    @Test func lenientTwelveDigitKeyNamesTheAccount() throws {
        let (auth, _) = Self.authenticator(.lenient)
        for account in ["210987654321", "111122223333"] {
            let caller = try auth.authenticate(Self.signed(key: account, secret: "x"), expectedService: "dynamodb").get()
            #expect(caller.accountId == account)
            #expect(caller.identity == CallerIdentityFactory.root(accountId: account, accessKeyId: account))
        }
        // Not 12 digits: an ordinary unknown key.
        let caller = try auth.authenticate(Self.signed(key: "1234567890123", secret: "x"), expectedService: "dynamodb").get()
        #expect(caller.identity.type == .iamUser && caller.accountId == "123456789012")
    }

    @Test func lenientConfiguredKeysMapToTheirIdentityWhateverTheSignature() throws {
        let (auth, _) = Self.authenticator(.lenient, now: Self.signedAt + 86_400)
        let alice = try auth.authenticate(Self.signed(key: Self.aliceKey, secret: "wrong"), expectedService: "dynamodb").get()
        #expect(alice.identity.userName == "alice")
        let role = try auth.authenticate(Self.signed(key: Self.roleKey, secret: "wrong"), expectedService: "dynamodb").get()
        #expect(role.identity.type == .assumedRole && !role.usedSessionCredentials)
        let carol = try auth.authenticate(Self.signed(key: "AKIACAROL00000000001", secret: "x"), expectedService: "dynamodb").get()
        #expect(carol.accountId == "210987654321" && carol.identity.principalId == "AIDACAROLCONFIGURED1")
        #expect(carol.isDenied(action: "dynamodb:DescribeTable") && !carol.isDenied(action: "dynamodb:ListTables"))
    }

    @Test func lenientStillReportsMalformedCredentials() {
        let (auth, _) = Self.authenticator(.lenient)
        let both = SigV4Request(
            method: "GET", rawPath: "/", rawQuery: "X-Amz-Algorithm=AWS4-HMAC-SHA256", headers: [("Authorization", "AWS4-HMAC-SHA256 x")])
        #expect(Self.failure(auth.authenticate(both, expectedService: "s3")) == .bothHeaderAndQuery)
    }

    // MARK: identities

    @Test func identitiesFollowTheReference() throws {
        let (auth, _) = Self.authenticator(.enforce)
        let role = try auth.authenticate(Self.botoRoleDescribeTable, expectedService: "dynamodb").get().identity
        let roleId = DerivedPrincipalID.role(accountId: "123456789012", roleName: "admin-role")
        #expect(role.principalId == "\(roleId):jane")
        #expect(role.arn == "arn:aws:sts::123456789012:assumed-role/admin-role/jane")
        #expect(role.userName == nil && role.accessKeyId == Self.roleKey)
        #expect(
            role.sessionContext
                == SessionContext(
                    sessionIssuer: SessionIssuer(
                        type: "Role", principalId: roleId, arn: "arn:aws:iam::123456789012:role/admin-role",
                        accountId: "123456789012", userName: "admin-role"), creationDate: Self.signedAt, mfaAuthenticated: true))

        let bob = try auth.authenticate(
            Self.signed(key: "ASIAFEDERATEDBOB0001", secret: "bobSecret", token: "bobToken"), expectedService: "dynamodb"
        ).get().identity
        #expect(bob.principalId == "123456789012:bob" && bob.arn == "arn:aws:sts::123456789012:federated-user/bob")
        let issuer = try #require(bob.sessionContext?.sessionIssuer)
        #expect(issuer.type == "IAMUser" && issuer.userName == "alice" && issuer.arn == "arn:aws:iam::123456789012:user/alice")
        #expect(issuer.principalId == DerivedPrincipalID.user(accountId: "123456789012", userName: "alice"))

        let root = try auth.authenticate(Self.signed(key: "AKIAROOTKEY000000001", secret: "rootSecret"), expectedService: "dynamodb").get()
            .identity
        #expect(root.principalId == "123456789012" && root.arn == "arn:aws:iam::123456789012:root" && root.sessionContext == nil)

        let alice = try auth.authenticate(Self.botoListTables, expectedService: "dynamodb").get().identity
        #expect(alice.arn == "arn:aws:iam::123456789012:user/alice" && alice.sessionContext == nil)
    }

    @Test func derivedIdsLookLikeAWSs() {
        let id = DerivedPrincipalID.user(accountId: "123456789012", userName: "alice")
        #expect(id.count == 21 && id.hasPrefix("AIDA"))
        #expect(id.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) })
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

    // MARK: permissions

    @Test func denyPatterns() {
        let exact = DenyList(["dynamodb:DeleteTable"])
        #expect(exact.isDenied(action: "dynamodb:DeleteTable") && exact.isDenied(action: "DYNAMODB:deletetable"))
        #expect(!exact.isDenied(action: "dynamodb:DeleteTableX") && !exact.isDenied(action: "dynamodb:Delete"))
        let describe = DenyList(["dynamodb:Describe*"])
        #expect(describe.isDenied(action: "dynamodb:DescribeTable") && describe.isDenied(action: "dynamodb:DescribeStream"))
        #expect(describe.isDenied(action: "dynamodb:describe") && !describe.isDenied(action: "dynamodb:ListTables"))
        let service = DenyList(["dynamodb:*"])
        #expect(service.isDenied(action: "dynamodb:ListStreams") && !service.isDenied(action: "cloudtrail:LookupEvents"))
        #expect(DenyList(["*"]).isDenied(action: "s3:GetObject"))
        #expect(DenyList(["dynamodb:?istTables"]).isDenied(action: "dynamodb:ListTables"))
        #expect(DenyList(["*:*Table*"]).isDenied(action: "dynamodb:UpdateTable"))
        #expect(!DenyList().isDenied(action: "dynamodb:ListTables") && !DenyList([""]).isDenied(action: "dynamodb:ListTables"))
    }

    @Test func accessDeniedError() throws {
        let error = AccessDenied.jsonError(
            callerArn: "arn:aws:iam::123456789010:user/HoneyUser", action: "dynamodb:ListTables",
            resource: AccessDenied.tableResource(region: "us-east-1", accountId: "123456789010", tableName: nil))
        #expect(error.type == "com.amazon.coral.service#AccessDeniedException" && error.httpStatus == 400)
        // cloudtrail-format §3.3(c), verbatim.
        #expect(
            error.message
                == "User: arn:aws:iam::123456789010:user/HoneyUser is not authorized to perform: dynamodb:ListTables on resource: arn:aws:dynamodb:us-east-1:123456789010:table/* because no identity-based policy allows the dynamodb:ListTables action"
        )
        let (auth, _) = Self.authenticator(.enforce)
        let bob = try auth.authenticate(
            Self.signed(key: "ASIAFEDERATEDBOB0001", secret: "bobSecret", token: "bobToken", region: "us-west-2"),
            expectedService: "dynamodb"
        ).get()
        #expect(bob.isDenied(action: "dynamodb:DeleteTable") && !bob.isDenied(action: "dynamodb:CreateTable"))
        #expect(
            bob.accessDenied(
                action: "dynamodb:DeleteTable",
                resource: AccessDenied.tableResource(region: bob.region, accountId: bob.accountId, tableName: "Music")
            ).message
                == "User: arn:aws:sts::123456789012:federated-user/bob is not authorized to perform: dynamodb:DeleteTable on resource: arn:aws:dynamodb:us-west-2:123456789012:table/Music because no identity-based policy allows the dynamodb:DeleteTable action"
        )
    }
}
