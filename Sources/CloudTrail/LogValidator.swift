import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Offline `aws cloudtrail validate-logs` over a bucket directory (reference §4.5): for every
/// digest chain found, walks the digests newest to oldest in the time range following
/// `previousDigestS3Object`, checks each digest's signature with the key of its fingerprint, and
/// each listed log file's existence and uncompressed SHA-256; verdict lines use the CLI's wording
/// (awscli 1.45.11 `validation.py`).
///
/// Same rules as the CLI, plus three checks the CLI cannot make (documented deviations):
/// - the previous digest's SHA-256 and signature must equal the newer digest's
///   `previousDigestHashValue` / `previousDigestSignature` (else the older digest is reported
///   `INVALID: hash value doesn't match` / `INVALID: signature verification failed`);
/// - a chain head recorded in `.dynamotrail/digests/state.json` but absent from the bucket is
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

    /// - Parameters:
    ///   - keyStore: the public keys to check signatures with; nil: the bucket's own
    ///     `.dynamotrail/keys`, read now (blocking).
    ///   - clock: only bounds the newest key's validity (see `SigningKeyStore.publicKeys`).
    public init(
        bucketRoot: String, bucketName: String?, keyStore: SigningKeyStore? = nil, clock: any WallClock = SystemWallClock()
    ) {
        self.bucketRoot = bucketRoot
        self.bucketName = bucketName
        let store =
            keyStore ?? SigningKeyStore(directory: SigningKeyStore.defaultDirectory(bucketRoot: bucketRoot), clock: clock)
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

    /// A digest chain in the bucket: everything that names its digest keys.
    struct ChainID: Hashable, Comparable {
        var prefix: String
        var organizationId: String?
        var account: String
        var region: String
        var trailName: String
        var homeRegion: String

        static func < (a: ChainID, b: ChainID) -> Bool {
            (a.prefix, a.organizationId ?? "", a.account, a.region, a.trailName, a.homeRegion)
                < (b.prefix, b.organizationId ?? "", b.account, b.region, b.trailName, b.homeRegion)
        }
    }

    /// A parsed digest key.
    struct ParsedKey {
        var chain: ChainID
        var stamp: String
        var isBackfill: Bool
    }

    /// Parses `[<prefix>/]AWSLogs/[<org>/]<acct>/CloudTrail-Digest/<region>/Y/M/D/<acct>_CloudTrail-Digest_<region>_<name>_<home>_<stamp>[_backfill].json.gz`.
    static func parse(key: String) -> ParsedKey? {
        let components = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let awsLogs = components.firstIndex(of: "AWSLogs") else { return nil }
        let prefix = components[..<awsLogs].joined(separator: "/")
        var rest = Array(components[(awsLogs + 1)...])
        var organizationId: String? = nil
        if rest.count == 8 {
            organizationId = rest.removeFirst()
        }
        guard rest.count == 7, rest[1] == "CloudTrail-Digest" else { return nil }
        let account = rest[0]
        let region = rest[2]
        guard rest[3...5].allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        var file = rest[6]
        let head = "\(account)_CloudTrail-Digest_\(region)_"
        guard file.hasPrefix(head) else { return nil }
        var isBackfill = false
        if file.hasSuffix("_backfill.json.gz") {
            isBackfill = true
            file = String(file.dropLast("_backfill.json.gz".count)) + ".json.gz"
        }
        guard file.hasSuffix(".json.gz") else { return nil }
        let middle = file.dropFirst(head.count).dropLast(".json.gz".count)
        guard middle.count > 17 else { return nil }
        let stamp = String(middle.suffix(16))
        let nameAndHome = middle.dropLast(17)
        guard middle.dropLast(16).hasSuffix("_"), DigestTime.parseStamp(stamp) != nil,
            let split = nameAndHome.lastIndex(of: "_")
        else { return nil }
        let name = String(nameAndHome[..<split])
        let home = String(nameAndHome[nameAndHome.index(after: split)...])
        guard !name.isEmpty, !home.isEmpty else { return nil }
        return ParsedKey(
            chain: ChainID(
                prefix: prefix, organizationId: organizationId, account: account, region: region, trailName: name,
                homeRegion: home),
            stamp: stamp, isBackfill: isBackfill)
    }

    /// Every digest key in the bucket directory (relative, sorted byte-wise), skipping
    /// `.dynamotrail/` and log-file folders.
    func digestKeys() -> [String] {
        let skipped = { (relative: String) in
            relative == ".dynamotrail" || (FileIO.lastComponent(relative) == "CloudTrail" && relative.contains("AWSLogs/"))
        }
        guard let paths = FileIO.subpaths(bucketRoot, skipDescendants: skipped) else { return [] }
        var keys: [String] = []
        for relative in paths where !skipped(relative) {
            let name = FileIO.lastComponent(relative)
            if relative.contains("/CloudTrail-Digest/"), name.hasSuffix(".json.gz") { keys.append(relative) }
        }
        return keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
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
        let statePath = FileIO.join(bucketRoot, ".dynamotrail/digests/state.json")
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

    // MARK: - One chain, as `DigestTraverser` + `CloudTrailValidateLogs._call`

    private enum DigestOutcome {
        case valid(JSONValue, start: Date, end: Date, body: [UInt8], signature: String)
        case missing
        case invalid(String)
    }

    private func validateChain(
        _ id: ChainID, keys allKeys: [(key: String, stamp: String)], head: (key: String, end: Date)?, report: inout Report
    ) {
        let start = report.start
        let end = report.end
        let startStamp = DigestTime.stamp(start)
        let endStamp = DigestTime.stamp(end.addingTimeInterval(3600))
        let marker = DigestFile.key(
            prefix: id.prefix, organizationId: id.organizationId, account: id.account, region: id.region,
            trailName: id.trailName, homeRegion: id.homeRegion, endTime: start.addingTimeInterval(-60))
        var digests: [String] = []
        for (key, stamp) in allKeys where Array(key.utf8).lexicographicallyPrecedes(Array(marker.utf8)) == false && key != marker {
            if stamp > endStamp { break }
            if stamp < startStamp { continue }
            digests.append(key)
        }
        let headInRange = head.map { DigestTime.stamp($0.end) >= startStamp && DigestTime.stamp($0.end) <= endStamp } ?? false
        guard !digests.isEmpty || headInRange else { return }

        let arn = "arn:aws:cloudtrail:\(id.homeRegion):\(id.account):trail/\(id.trailName)"
        var result = ChainResult(trailARN: arn, account: id.account, region: id.region, homeRegion: id.homeRegion, statuses: [])
        let bucket = bucketName ?? recordedBucketName(digests) ?? FileIO.lastComponent(bucketRoot)
        var reported = Set<String>()
        defer { report.chains.append(result) }

        let keys = keyStore.publicKeys(region: id.region, from: start, to: end.addingTimeInterval(7200))
        guard !keys.isEmpty else {
            report.fatalErrors.append(
                "No public keys found between \(DigestTime.iso(start)) and \(DigestTime.iso(end.addingTimeInterval(7200)))")
            result.statuses.append(Status(text: report.fatalErrors.last ?? "", isError: true))
            return
        }
        let publicKeys = Dictionary(keys.map { ($0.fingerprint, $0.derPKCS1) }, uniquingKeysWith: { first, _ in first })

        if let head, headInRange, !FileIO.exists(FileIO.join(bucketRoot, head.key)) {
            report.invalidDigests += 1
            reported.insert(head.key)
            result.statuses.append(Status(text: "Digest file\ts3://\(bucket)/\(head.key)\tINVALID: not found", isError: true))
        }

        func popLast(before: String?) -> String? {
            guard let before else { return digests.popLast() }
            let limit = Self.parse(key: before)?.stamp ?? ""
            while let next = digests.popLast() {
                if (Self.parse(key: next)?.stamp ?? "") < limit { return next }
            }
            return nil
        }

        var current = popLast(before: nil)
        var lastStart = current.flatMap { Self.parse(key: $0).flatMap { DigestTime.parseStamp($0.stamp) } } ?? start
        var expected: (sha256: String?, signature: String?)? = nil
        while let key = current, start <= lastStart {
            switch loadDigest(key, bucket: bucket, publicKeys: publicKeys, homeRegion: id.homeRegion, expected: expected) {
            case .missing:
                if !reported.contains(key) {
                    report.invalidDigests += 1
                    result.statuses.append(Status(text: "Digest file\ts3://\(bucket)/\(key)\tINVALID: not found", isError: true))
                }
                current = popLast(before: key)
                expected = nil
            case .invalid(let message):
                report.invalidDigests += 1
                result.statuses.append(Status(text: message, isError: true))
                current = popLast(before: key)
                expected = nil
            case .valid(let digest, let digestStart, let digestEnd, _, _):
                lastStart = digestStart
                report.validDigests += 1
                let foundStart = max(digestStart, start)
                if report.foundStart.map({ foundStart < $0 }) ?? true { report.foundStart = foundStart }
                let foundEnd = min(digestEnd, end)
                if report.foundEnd.map({ foundEnd > $0 }) ?? true { report.foundEnd = foundEnd }
                result.statuses.append(Status(text: "Digest file\ts3://\(bucket)/\(key)\tvalid", isError: false))
                for log in digest["logFiles"]?.arrayValue ?? [] {
                    let status = checkLogFile(log)
                    if status.isError { report.invalidLogs += 1 } else { report.validLogs += 1 }
                    result.statuses.append(status)
                }
                let previousBucket = digest["previousDigestS3Bucket"]?.stringValue
                let previousKey = digest["previousDigestS3Object"]?.stringValue
                if let previousBucket, let previousKey {
                    expected = (digest["previousDigestHashValue"]?.stringValue, digest["previousDigestSignature"]?.stringValue)
                    current = previousBucket == bucket ? previousKey : nil
                    if previousBucket != bucket {
                        report.invalidDigests += 1
                        result.statuses.append(
                            Status(text: "Digest file\ts3://\(previousBucket)/\(previousKey)\tINVALID: not found", isError: true))
                        current = popLast(before: key)
                        expected = nil
                    }
                } else {
                    expected = nil
                    current = popLast(before: key)
                    if let next = current, let nextEnd = Self.parse(key: next).flatMap({ DigestTime.parseStamp($0.stamp) }) {
                        result.statuses.append(
                            Status(
                                text:
                                    "No log files were delivered by CloudTrail between \(DigestTime.iso(nextEnd)) and \(DigestTime.iso(digestStart))",
                                isError: true))
                    }
                }
            }
        }
    }

    /// The `digestS3Bucket` of the newest readable digest.
    private func recordedBucketName(_ keys: [String]) -> String? {
        for key in keys.reversed() {
            if let bytes = try? FileIO.readFile(FileIO.join(bucketRoot, key)), let body = try? Gzip.decompress(bytes),
                let json = try? JSONParser.parse(body), let name = json["digestS3Bucket"]?.stringValue
            {
                return name
            }
        }
        return nil
    }

    static let requiredKeys = [
        "digestPublicKeyFingerprint", "digestS3Bucket", "digestS3Object", "previousDigestSignature", "digestEndTime",
        "digestStartTime",
    ]

    /// `DigestProvider.fetch_digest` + `DigestTraverser._load_and_validate_digest`, in the CLI's order.
    private func loadDigest(
        _ key: String, bucket: String, publicKeys: [String: [UInt8]], homeRegion: String,
        expected: (sha256: String?, signature: String?)?
    ) -> DigestOutcome {
        let location = "Digest file\ts3://\(bucket)/\(key)\t"
        guard Self.isSafe(key), let bytes = (try? FileIO.readFile(FileIO.join(bucketRoot, key))) ?? nil else { return .missing }
        guard let body = try? Gzip.decompress(bytes), let digest = try? JSONParser.parse(body), digest.objectValue != nil else {
            return .invalid(location + "INVALID: invalid format")
        }
        let sidecar = FileIO.join(bucketRoot, ObjectMetadata.sidecarPath(forKey: key))
        guard let metaBytes = (try? FileIO.readFile(sidecar)) ?? nil, let metadata = try? ObjectMetadata.decode(metaBytes),
            let signature = metadata.userMetadata["signature"], metadata.userMetadata["signature-algorithm"] != nil
        else {
            return .invalid(location + "INVALID: signature verification failed")
        }
        guard Self.requiredKeys.allSatisfy({ digest[$0] != nil }), digest["logFiles"]?.arrayValue != nil else {
            return .invalid(location + "INVALID: invalid format")
        }
        guard digest["digestS3Bucket"]?.stringValue == bucket, digest["digestS3Object"]?.stringValue == key else {
            return .invalid(location + "INVALID: has been moved from its original location")
        }
        let fingerprint =
            digest["digestPublicKeyFingerprint"]?.stringValue ?? JSONWriter.string(digest["digestPublicKeyFingerprint"] ?? .null)
        guard let publicKey = publicKeys[fingerprint] else {
            return .invalid(location + "INVALID: public key not found in region \(homeRegion) for fingerprint \(fingerprint)")
        }
        let previousSignature: String?
        switch digest["previousDigestSignature"] {
        case .string(let text): previousSignature = text
        default: previousSignature = nil
        }
        guard let endText = digest["digestEndTime"]?.stringValue, let signatureBytes = Hex.decode(signature),
            digest["previousDigestSignature"]?.isNull == true || previousSignature != nil
        else {
            return .invalid(location + "INVALID: signature verification failed")
        }
        let message = DigestFile.stringToSign(
            endTime: endText, bucket: bucket, key: key, digestSHA256Hex: Digest.sha256Hex(body),
            previousSignatureHex: previousSignature)
        switch SigningKey.verify(signature: signatureBytes, message: message, publicKeyDER: publicKey) {
        case nil:
            return .invalid(location + "INVALID: Unable to load PKCS #1 key with fingerprint \(fingerprint)")
        case false?:
            return .invalid(location + "INVALID: signature verification failed")
        case true?:
            break
        }
        guard let end = DigestTime.parseISO(endText) else {
            return .invalid(location + "INVALID: Unable to parse date value: \(endText)")
        }
        let startText = digest["digestStartTime"]?.stringValue ?? ""
        guard let start = DigestTime.parseISO(startText) else {
            return .invalid(location + "INVALID: Unable to parse date value: \(startText)")
        }
        // Beyond the CLI: the link from the newer digest must match this one exactly.
        if let expected {
            if let hash = expected.sha256, hash != Digest.sha256Hex(body) {
                return .invalid(location + "INVALID: hash value doesn't match")
            }
            if let previous = expected.signature, previous != signature {
                return .invalid(location + "INVALID: signature verification failed")
            }
        }
        return .valid(digest, start: start, end: end, body: body, signature: signature)
    }

    /// `CloudTrailValidateLogs._download_log`.
    private func checkLogFile(_ log: JSONValue) -> Status {
        let bucketText = log["s3Bucket"]?.stringValue ?? ""
        let keyText = log["s3Object"]?.stringValue ?? ""
        let location = "Log file\ts3://\(bucketText)/\(keyText)\t"
        let ownBucket = bucketName.map { $0 == bucketText } ?? true
        guard ownBucket, Self.isSafe(keyText), let bytes = (try? FileIO.readFile(FileIO.join(bucketRoot, keyText))) ?? nil else {
            return Status(text: location + "INVALID: not found", isError: true)
        }
        guard let body = try? Gzip.decompress(bytes), let expected = log["hashValue"]?.stringValue else {
            return Status(text: location + "INVALID: invalid format", isError: true)
        }
        if Digest.sha256Hex(body) != expected {
            return Status(text: location + "INVALID: hash value doesn't match", isError: true)
        }
        return Status(text: location + "valid", isError: false)
    }

    /// A key that stays inside the bucket directory and out of its private folder.
    static func isSafe(_ key: String) -> Bool {
        guard !key.isEmpty, !key.hasPrefix("/"), !key.contains("\0") else { return false }
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        return !parts.contains { $0 == ".." || $0 == "." } && parts.first != ".dynamotrail"
    }
}
