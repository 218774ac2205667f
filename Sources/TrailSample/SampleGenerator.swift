import AWSProtocol
import CallHandling
import CloudTrail
import Dispatch
import DynamoDB

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes realistic CloudTrail log files for N events without a server (`dynamotrail sample`): real
/// control-plane answers (a `DynamoDBService` driven by a manual clock), every identity type of
/// the configured accounts, several regions, plausible IPs and user agents, files per account and
/// region every five minutes of event time. Deterministic for a given seed. Isolation: a value; the
/// control plane it drives is an actor, files are written on a private concurrent queue.
public struct SampleGenerator: Sendable {
    public struct Options: Sendable {
        public var count = 1000
        public var seed: UInt64 = 1
        public var start: Date
        public var end: Date
        public var regions = ["us-east-1", "us-west-2", "eu-west-1"]
        /// Bucket directory and name, key prefix, organization id, encryption: as a trail would write them.
        public var trail: TrailSettings
        public var accounts: [AccountSettings]

        public init(start: Date, end: Date, trail: TrailSettings, accounts: [AccountSettings]) {
            self.start = start
            self.end = end
            self.trail = trail
            self.accounts = accounts
        }
    }

    /// What was written.
    public struct Report: Sendable {
        public var events: Int
        public var files: [DeliveredLogFile]
        public var digests: [String]
    }

    /// A caller of the sample: who, from where, with what client.
    struct Caller {
        var accountId: String
        var identity: CallerIdentity
        var deny: DenyList
        var sourceIPAddress: String
        var userAgent: String
        var weight: Int
    }

    public let options: Options

    /// The end of the default range when a seed is given (the range is the 24 hours before it, the
    /// day 2026-01-01 UTC): fixed, so a seeded command writes the same log files whenever it runs.
    public static let seededDefaultEnd = Date(timeIntervalSince1970: 1_767_312_000)

    public init(options: Options) { self.options = options }

    static let userAgents = [
        "aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe command/dynamodb.describe-table",
        "Boto3/1.34.144 md/Botocore#1.34.144 ua/2.0 os/linux#5.10.219-208.866.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.4 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.144",
        "aws-sdk-java/2.26.20 Linux/5.10.220-209.869.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/21.0.3+9-LTS Java/21.0.3 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy",
        "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/dynamodb#1.34.3",
        "APN/1.0 HashiCorp/1.0 Terraform/1.9.2 (+https://www.terraform.io) terraform-provider-aws/5.59.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5",
        "aws-cdk/2.150.0 aws-sdk-js/3.614.0 ua/2.0 os/linux#5.15.0 lang/js md/nodejs#20.15.1 api/dynamodb#3.614.0",
        "console.amazonaws.com",
    ]

    /// Writes the files; `progress` is called with the number of events generated so far.
    public func run(progress: @escaping @Sendable (Int) -> Void) async throws -> Report {
        // Separate streams per concern, so the calls and the file names never depend on how many
        // draws the control plane makes.
        let random = SeededRandomSource(seed: options.seed)
        try await prepareState()
        let clock = ManualWallClock(options.start)
        var settings = DynamoDBSettings()
        settings.maxTablesPerRegion = 100_000
        let controlPlane = DynamoDBService(
            settings: settings, clock: clock, random: SeededRandomSource(seed: options.seed &+ 0x5EED_0001))
        let callers = makeCallers(random: random)
        let totalWeight = callers.reduce(0) { $0 + $1.weight }
        let mix = SampleCallMix(random: random)
        let writer = SampleFileWriter(trail: options.trail, random: SeededRandomSource(seed: options.seed &+ 0x5EED_0002))
        let pipeline = Self.pipeline(
            controlPlane: controlPlane, options: options, clock: clock, random: random, audit: SampleAuditSink(writer: writer))
        var streamArns: [String: String] = [:]
        let span = max(options.end.timeIntervalSince(options.start), 1)
        let count = max(options.count, 0)

        for index in 0..<count {
            let time = options.start.addingTimeInterval(
                span * (Double(index) + Double(random.next(below: 1000)) / 1000) / Double(max(count, 1)))
            clock.set(time)
            var roll = random.next(below: totalWeight)
            var caller = callers[0]
            for candidate in callers {
                if roll < candidate.weight {
                    caller = candidate
                    break
                }
                roll -= candidate.weight
            }
            let region = random.next(below: 10) < 6 ? options.regions[0] : options.regions[random.next(below: options.regions.count)]
            let call = mix.next(account: caller.accountId, region: region, streamArns: streamArns)
            let authenticated = AuthenticatedCaller(
                identity: caller.identity, accountId: caller.accountId, region: region,
                usedSessionCredentials: caller.identity.sessionContext != nil, deny: caller.deny)
            let result = await pipeline.run(
                IncomingCall(
                    target: call.target, input: call.input, credentials: .known(authenticated),
                    requestId: RequestID.make(using: random), receivedAt: time, sourceIPAddress: caller.sourceIPAddress,
                    userAgent: caller.userAgent))
            if case .success(let output) = result, let description = output["TableDescription"],
                let tableArn = description["TableArn"]?.stringValue, let streamArn = description["LatestStreamArn"]?.stringValue
            {
                streamArns[tableArn] = streamArn
            }
            if index % 1000 == 999 { progress(index + 1) }
        }
        progress(count)
        let files = try await writer.finish()
        let digests = options.trail.digest.enabled ? try await writeDigests(files) : []
        return Report(events: count, files: files, digests: digests)
    }

    /// The server's pipeline, as `sample` runs it: the same denials, answers and records; the callers
    /// are already known (so the authenticator is never asked) and CloudTrail's API is not served.
    static func pipeline(
        controlPlane: DynamoDBService, options: Options, clock: any WallClock, random: any RandomSource, audit: any AuditSink
    ) -> CallPipeline {
        CallPipeline(
            controlPlane: controlPlane, cloudTrail: nil,
            authenticator: Authenticator(
                mode: .lenient, accounts: options.accounts, defaultRegion: options.regions.first ?? "us-east-1", clock: clock),
            audit: audit, trailName: options.trail.name, random: random, recordsTLSDetails: true)
    }

    /// Moves an old output's `<out>/.dynamotrail/` (keys, sidecars) into the state directory, as the
    /// server does on start, so its keys are reused.
    private func prepareState() async throws {
        let trail = options.trail
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async {
                continuation.resume(with: Result { _ = try StateMigration.run(settings: trail, journalDirectory: trail.state.journal) })
            }
        }
    }

    /// Hourly digest chains over the written files (AWS's cadence), signed with the keys in the state
    /// directory's `keys/` (`--state-dir`, default `<out>-state`; reused when present: signatures then
    /// repeat run after run too).
    private func writeDigests(_ files: [DeliveredLogFile]) async throws -> [String] {
        let settings = options.trail
        // Each account's multi-region trail covers `trail.regions`, or the home region and the sample's regions.
        let regions = DigestRegions(settings).covered(delivered: options.regions)
        let store = SigningKeyStore(
            directory: settings.state.keys, clock: ManualWallClock(options.start),
            durable: false)
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                _ = store.load()
                continuation.resume(
                    with: Result { try DigestChain.write(files: files, settings: settings, keyStore: store, regions: regions) })
            }
        }
    }

    /// Every configured identity as a caller, with a stable address and client each.
    private func makeCallers(random: any RandomSource) -> [Caller] {
        var callers: [Caller] = []
        for account in options.accounts {
            for (index, settings) in account.identities.enumerated() {
                let creation = options.start.addingTimeInterval(-Double(random.next(below: 3600)))
                let identity = CallerIdentityFactory.identity(for: settings, in: account, creationDate: creation)
                let weight: Int =
                    switch settings.type {
                    case .iamUser: 35
                    case .assumedRole: 40
                    case .root: 5
                    case .federatedUser: 20
                    }
                let ranges = ["192.0.2.", "198.51.100.", "203.0.113."]
                let address = ranges[(callers.count + index) % ranges.count] + String(10 + random.next(below: 240))
                callers.append(
                    Caller(
                        accountId: account.accountId, identity: identity, deny: DenyList(settings.deny), sourceIPAddress: address,
                        userAgent: Self.userAgents[random.next(below: Self.userAgents.count)], weight: weight))
            }
        }
        if callers.isEmpty {
            let account = options.accounts.first?.accountId ?? "123456789012"
            callers.append(
                Caller(
                    accountId: account, identity: CallerIdentityFactory.root(accountId: account, accessKeyId: "AKIAEXAMPLEROOTKEY01"),
                    deny: DenyList(), sourceIPAddress: "192.0.2.10", userAgent: Self.userAgents[0], weight: 1))
        }
        return callers
    }
}

extension SampleGenerator {
    /// The configured accounts when they list identities; otherwise two demo accounts with one identity
    /// of each type and a GitHub Actions web-identity session, so `sample` without a config still shows
    /// every `userIdentity` form (the same identities as the shipped config.json's).
    public static func accounts(from configured: [AccountSettings]) -> [AccountSettings] {
        if configured.contains(where: { !$0.identities.isEmpty }) { return configured }
        func identity(_ type: IdentitySettings.Kind, _ key: String, _ edit: (inout IdentitySettings) -> Void) -> IdentitySettings {
            var identity = IdentitySettings(type: type, accessKeyId: key, secretAccessKey: "sample")
            edit(&identity)
            return identity
        }
        let dev = AccountSettings(
            accountId: "123456789012", alias: "dev", isDefault: true,
            identities: [
                identity(.iamUser, "AKIAIOSFODNN7EXAMPLE") { $0.userName = "alice" },
                identity(.assumedRole, "ASIAQNZGKEXAMPLEROLE") {
                    $0.roleName = "admin-role"
                    $0.sessionName = "jane"
                },
                identity(.root, "AKIAROOTDEVEXAMPLE01") { _ in },
                identity(.federatedUser, "ASIAFEDERATEDEXAMPLE") {
                    $0.federatedName = "bob"
                    $0.issuerUserName = "alice"
                    $0.deny = ["dynamodb:DeleteTable"]
                },
                identity(.assumedRole, "ASIAGHAOIDCEXAMPLE01") {
                    $0.roleName = "gha-deploy-role"
                    $0.sessionName = "GitHubActions"
                    $0.webIdentity = WebIdFederationData(
                        federatedProvider: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")
                },
            ])
        let prod = AccountSettings(
            accountId: "210987654321", alias: "prod",
            identities: [
                identity(.iamUser, "AKIAPRODDEPLOYER0001") { $0.userName = "deployer" },
                identity(.assumedRole, "ASIAPRODCIROLE000001") {
                    $0.roleName = "ci-role"
                    $0.sessionName = "github-actions"
                    $0.mfaAuthenticated = true
                },
            ])
        return [dev, prod]
    }
}
