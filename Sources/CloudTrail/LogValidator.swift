import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Offline `aws cloudtrail validate-logs` over a bucket directory (AWS: "Validating CloudTrail log file
/// integrity with the AWS CLI", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-cli.html):
/// for every digest chain found, walks the digests newest to oldest in the time range following
/// `previousDigestS3Object`, checks each digest's signature with the key of its fingerprint, and
/// each listed log file's existence and uncompressed SHA-256; verdict lines use the CLI's wording
/// (awscli 1.45.11 `validation.py`).
///
/// Same rules as the CLI, plus three checks the CLI cannot make (documented deviations):
/// - the previous digest's SHA-256 and signature must equal the newer digest's
///   `previousDigestHashValue` / `previousDigestSignature` (else the older digest is reported
///   `INVALID: hash value doesn't match` / `INVALID: signature verification failed`);
/// - a chain head recorded in the state directory's `digests/state.json` but absent from the bucket is
///   reported `INVALID: not found` (the CLI, starting from the newest *listed* key, cannot see
///   that the newest digest was deleted);
/// - a `.json.gz` with bytes after its first gzip member is `INVALID: invalid format`.
/// Backfill digests (`…_backfill.json.gz`, never written by DynamoTrail) are not validated.
///
/// Isolation: a value type; `validate` does blocking file reads (run it off async threads).
public struct LogValidator: Sendable {
    public let bucketRoot: String
    /// The bucket name digests must name (`digestS3Bucket`); nil: the name recorded in the newest
    /// readable digest of each chain.
    public let bucketName: String?
    public let keyStore: SigningKeyStore
    /// Where the digests' signatures (metadata sidecars) and the digest writer's state are read.
    public let state: StateDirectory

    /// - Parameters:
    ///   - keyStore: the public keys to check signatures with; nil: the state directory's `keys/`,
    ///     read now (blocking).
    ///   - clock: only bounds the newest key's validity (see `SigningKeyStore.publicKeys`).
    ///   - stateDirectory: the trail's state directory; nil: the default beside the bucket, or the
    ///     old `<bucket>/.dynamotrail` of a bucket not yet migrated (`StateDirectory.forReading`).
    public init(
        bucketRoot: String, bucketName: String?, keyStore: SigningKeyStore? = nil, clock: any WallClock = SystemWallClock(),
        stateDirectory: String? = nil
    ) {
        self.bucketRoot = bucketRoot
        self.bucketName = bucketName
        let state = StateDirectory.forReading(bucketPath: bucketRoot, configured: stateDirectory)
        self.state = state
        let store = keyStore ?? SigningKeyStore(directory: state.keys, clock: clock)
        if keyStore == nil { store.load() }
        self.keyStore = store
    }

    /// One verdict or notice line, as the CLI writes it (errors go to stderr).
    public struct Status: Sendable, Equatable {
        public var text: String
        public var isError: Bool
    }

    /// One chain's walk: its header and the statuses in order.
    public struct ChainResult: Sendable, Equatable {
        public var trailARN: String
        public var account: String
        public var region: String
        public var homeRegion: String
        public var statuses: [Status]
    }

    /// Everything a run found.
    public struct Report: Sendable, Equatable {
        public var start: Date
        public var end: Date
        public var chains: [ChainResult] = []
        public var validDigests = 0
        public var invalidDigests = 0
        public var validLogs = 0
        public var invalidLogs = 0
        /// Set when a run cannot proceed for a chain (e.g. no public keys in range).
        public var fatalErrors: [String] = []
        public var foundStart: Date?
        public var foundEnd: Date?

        /// 0 when everything found is valid, 1 otherwise (the CLI's exit code).
        public var exitCode: Int32 { invalidDigests > 0 || invalidLogs > 0 || !fatalErrors.isEmpty ? 1 : 0 }
    }

    /// Validates every chain (optionally only one account and/or delivery region) between
    /// `start` (nil: the start of the earliest digest) and `end`.
    public func validate(start: Date?, end: Date, account: String? = nil, region: String? = nil) -> Report {
        var byChain: [ChainID: [(key: String, stamp: String)]] = [:]
        for key in digestKeys() {
            guard let parsed = Self.parse(key: key), !parsed.isBackfill else { continue }
            if let account, parsed.chain.account != account { continue }
            if let region, parsed.chain.region != region { continue }
            byChain[parsed.chain, default: []].append((key, parsed.stamp))
        }
        // Chain heads the digest writer recorded (a deleted newest digest is otherwise invisible).
        var heads: [ChainID: (key: String, end: Date)] = [:]
        let statePath = FileIO.join(state.digests, "state.json")
        if let bytes = (try? FileIO.readFile(statePath)) ?? nil, let state = DigestState.decodeSnapshot(bytes) {
            let pending = Set(state.pending.map(\.key))
            for chain in state.chains.values {
                guard let last = chain.last, !pending.contains(last.key), let parsed = Self.parse(key: last.key) else { continue }
                if let account, parsed.chain.account != account { continue }
                if let region, parsed.chain.region != region { continue }
                heads[parsed.chain] = (last.key, Date(timeIntervalSince1970: Double(last.endTime)))
                if byChain[parsed.chain] == nil { byChain[parsed.chain] = [] }
            }
        }
        let startDate = start ?? earliestStart(byChain.values.flatMap { $0.map(\.key) }) ?? end
        var report = Report(start: startDate, end: end)
        for id in byChain.keys.sorted() {
            validateChain(id, keys: byChain[id] ?? [], head: heads[id], report: &report)
        }
        return report
    }

    /// The default start: the `digestStartTime` of the oldest digest when it begins its chain;
    /// otherwise (older digests removed, e.g. by retention) its end time, so the walk does not go
    /// looking for the removed predecessor and report it `not found`.
    private func earliestStart(_ keys: [String]) -> Date? {
        let oldest = keys.compactMap { key in Self.parse(key: key).map { (key, $0.stamp) } }.min { $0.1 < $1.1 }
        guard let (key, stamp) = oldest else { return nil }
        if let bytes = try? FileIO.readFile(FileIO.join(bucketRoot, key)), let body = try? Gzip.decompress(bytes),
            let json = try? JSONParser.parse(body), json["previousDigestS3Object"]?.isNull ?? true,
            let text = json["digestStartTime"]?.stringValue, let date = DigestTime.parseISO(text)
        {
            return date
        }
        return DigestTime.parseStamp(stamp)
    }

    /// The `digestS3Bucket` of the newest readable digest.
    func recordedBucketName(_ keys: [String]) -> String? {
        for key in keys.reversed() {
            if let bytes = try? FileIO.readFile(FileIO.join(bucketRoot, key)), let body = try? Gzip.decompress(bytes),
                let json = try? JSONParser.parse(body), let name = json["digestS3Bucket"]?.stringValue
            {
                return name
            }
        }
        return nil
    }

    /// A key that stays inside the bucket directory and out of the old layout's private folder.
    static func isSafe(_ key: String) -> Bool {
        guard !key.isEmpty, !key.hasPrefix("/"), !key.contains("\0") else { return false }
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        return !parts.contains { $0 == ".." || $0 == "." } && parts.first != ".dynamotrail"
    }
}
