import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Decides who made a request (the `auth` setting, our proposal): in `lenient` mode any credentials are accepted and
/// mapped to an identity; in `enforce` mode SigV4 is verified against the configured secrets with AWS's
/// exact errors. Immutable after init, so one instance serves every connection.
public struct Authenticator: Sendable {
    /// One configured access key: who it is and how to check it.
    struct Entry: Sendable {
        var identity: CallerIdentity
        var accountId: String
        var secret: String
        var sessionToken: String?
        var deny: DenyList
    }

    public let mode: AuthSettings.Mode
    /// Lenient mode takes unsigned requests as anonymous callers (`auth.allowAnonymous`).
    public let allowAnonymous: Bool
    public let defaultAccountId: String
    public let defaultRegion: String
    let entries: [String: Entry]
    /// Configured account aliases by account id (a root caller's `userName`).
    let aliases: [String: String]
    let clock: any WallClock
    /// `sessionContext.creationDate` for configured sessions: when this authenticator was built.
    let sessionCreationDate: Date

    /// The account used when none is configured, as moto does.
    public static let fallbackAccountId = "123456789012"

    /// Builds every configured identity once. The default account is the one marked `default`, else the
    /// first; an access key configured twice keeps its first entry.
    public init(
        mode: AuthSettings.Mode, accounts: [AccountSettings], defaultRegion: String, clock: any WallClock,
        allowAnonymous: Bool = false
    ) {
        self.mode = mode
        self.allowAnonymous = allowAnonymous
        self.defaultRegion = defaultRegion
        self.clock = clock
        let created = Date(timeIntervalSince1970: clock.now().timeIntervalSince1970.rounded(.down))
        self.sessionCreationDate = created
        defaultAccountId = (accounts.first { $0.isDefault } ?? accounts.first)?.accountId ?? Self.fallbackAccountId
        var entries: [String: Entry] = [:]
        for account in accounts {
            for settings in account.identities where entries[settings.accessKeyId] == nil {
                entries[settings.accessKeyId] = Entry(
                    identity: CallerIdentityFactory.identity(for: settings, in: account, creationDate: created),
                    accountId: account.accountId, secret: settings.secretAccessKey, sessionToken: settings.sessionToken,
                    deny: DenyList(settings.deny))
            }
        }
        self.entries = entries
        var aliases: [String: String] = [:]
        for account in accounts { if let alias = account.alias, !alias.isEmpty { aliases[account.accountId] = alias } }
        self.aliases = aliases
    }

    /// Authenticates `request` for the endpoint whose signing name is `expectedService` (`dynamodb` for
    /// DynamoDB and Streams, `cloudtrail`, `s3`). Checks run in this order: shape (AWS: "Troubleshoot signing errors" and observed DynamoDB answers),
    /// credential scope, time, access key, session token, signature; lenient mode stops after the service check.
    /// Unverified: that AWS checks the clock before looking the key up (AWS documents no order here).
    public func authenticate(_ request: SigV4Request, expectedService: String) -> Result<AuthenticatedCaller, SigV4Failure> {
        let parsed: SigV4Authorization?
        switch SigV4Authorization.parse(request) {
        case .failure(let failure): return .failure(failure)
        case .success(let auth): parsed = auth
        }
        guard let auth = parsed else {
            // DynamoDB Local, the reference local tool, refuses unsigned requests whatever the keys;
            // anonymous callers are an explicit choice (`auth.allowAnonymous`, lenient mode only).
            guard mode == .lenient, allowAnonymous else { return .failure(.missingAuthenticationToken) }
            return .success(
                AuthenticatedCaller(
                    identity: CallerIdentityFactory.anonymous(), accountId: defaultAccountId, region: defaultRegion,
                    usedSessionCredentials: false))
        }
        // A wrong signing name fails in both modes: AWS answers it before looking at the key (issues
        // aws/aws-sdk-ruby#431, JuliaCloud/AWS.jl#334), and it means the client is misconfigured.
        if auth.service != expectedService {
            return .failure(
                .wrongService(expected: expectedService, found: auth.service, inQuery: auth.source == .query))
        }
        let usedToken = auth.sessionToken != nil
        switch mode {
        case .lenient:
            // Lenient mode checks no signature, but a region that cannot name a bucket folder or a
            // digest chain is refused in both modes, before the call does anything.
            guard AWSRegionName.isValid(auth.region) else { return .failure(.invalidRegion(auth.region)) }
            return .success(lenientCaller(auth, usedToken: usedToken))
        case .enforce:
            if let failure = SigV4Verifier.checkScope(auth, expectedService: expectedService)
                ?? SigV4Verifier.checkTime(auth, now: clock.now())
            {
                return .failure(failure)
            }
            // S3 requires X-Amz-Expires on a pre-signed URL; the JSON services do not require it (observed DynamoDB behaviour).
            if expectedService == "s3", auth.source == .query, auth.expires == nil {
                return .failure(
                    .incompleteQueryParameters(
                        "AWS query-string parameters must include 'X-Amz-Expires'. Re-examine the query-string parameters."))
            }
            guard let entry = entries[auth.accessKeyId] else {
                return .failure(.unrecognizedClient(accessKeyId: auth.accessKeyId))
            }
            switch (entry.sessionToken, auth.sessionToken) {
            case (nil, nil): break
            case (.some, nil): return .failure(.missingSessionToken(accessKeyId: auth.accessKeyId))
            case (nil, .some): return .failure(.invalidSessionToken(accessKeyId: auth.accessKeyId))
            case (.some(let expected), .some(let sent)):
                if expected != sent { return .failure(.invalidSessionToken(accessKeyId: auth.accessKeyId)) }
            }
            if let failure = SigV4Verifier.checkSignature(
                auth, request: request, secret: entry.secret, style: .forService(expectedService))
            {
                return .failure(failure)
            }
            return .success(
                AuthenticatedCaller(
                    identity: entry.identity, accountId: entry.accountId, region: auth.region,
                    usedSessionCredentials: usedToken, deny: entry.deny))
        }
    }

    /// Lenient mapping: a configured key is its identity; a 12-digit key is the root of that account
    /// (our proposal, after DynamoDB Local, which keys its data by access key; Root as AWS's "CloudTrail
    /// userIdentity element" describes it); any other key is an IAM user of the default account named after the key —
    /// `ASIA…` keys too (our proposal; on AWS an `ASIA…` key would belong to a session, such as an assumed role).
    /// An empty key becomes the user `default`.
    func lenientCaller(_ auth: SigV4Authorization, usedToken: Bool) -> AuthenticatedCaller {
        let key = auth.accessKeyId
        let region = auth.region.isEmpty ? defaultRegion : auth.region
        if let entry = entries[key] {
            return AuthenticatedCaller(
                identity: entry.identity, accountId: entry.accountId, region: region,
                usedSessionCredentials: usedToken, deny: entry.deny)
        }
        if key.utf8.count == 12, key.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            return AuthenticatedCaller(
                identity: CallerIdentityFactory.root(accountId: key, accessKeyId: key, alias: aliases[key]), accountId: key,
                region: region, usedSessionCredentials: usedToken)
        }
        let name = key.isEmpty ? "default" : key
        return AuthenticatedCaller(
            identity: CallerIdentityFactory.iamUser(accountId: defaultAccountId, userName: name, accessKeyId: key),
            accountId: defaultAccountId, region: region, usedSessionCredentials: usedToken)
    }
}
