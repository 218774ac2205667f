import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Builds digest chains offline for log files already written (`dynamotrail sample`): per account and
/// region, one signed digest per `interval` of delivery time from the first delivery to the last,
/// empty windows included, each pointing at the one before (AWS: "CloudTrail digest file structure"). The online twin is
/// `DigestWriter`, which builds the same chain as files are delivered.
public enum DigestChain {
    /// Writes the chains and returns the digest keys, oldest first per chain. Blocking.
    public static func write(
        files: [DeliveredLogFile], settings: TrailSettings, keyStore: SigningKeyStore, interval: TimeInterval = 3600
    ) throws -> [String] {
        let chains = Dictionary(grouping: files) { "\($0.account)/\($0.region)" }
        var keys: [String] = []
        for name in chains.keys.sorted() {
            guard let chainFiles = chains[name]?.sorted(by: { ($0.deliveredAt, $0.key) < ($1.deliveredAt, $1.key) }),
                let first = chainFiles.first, let last = chainFiles.last
            else { continue }
            let account = first.account
            let region = first.region
            var windowStart = (first.deliveredAt.timeIntervalSince1970 / interval).rounded(.down) * interval
            var previous: PreviousDigest? = nil
            var index = 0
            while windowStart <= last.deliveredAt.timeIntervalSince1970 {
                let windowEnd = windowStart + interval
                var listed: [DigestLogFile] = []
                while index < chainFiles.count, chainFiles[index].deliveredAt.timeIntervalSince1970 < windowEnd {
                    let file = chainFiles[index]
                    listed.append(
                        DigestLogFile(
                            bucket: file.bucket, key: file.key, sha256Hex: file.sha256Hex, oldestEventTime: file.oldestEventTime,
                            newestEventTime: file.newestEventTime))
                    index += 1
                }
                let end = Date(timeIntervalSince1970: windowEnd)
                let signingKey = try keyStore.signingKey(region: region, at: Date(timeIntervalSince1970: windowStart))
                let key = DigestFile.key(
                    prefix: settings.bucket.keyPrefix, organizationId: settings.organizationId, account: account, region: region,
                    trailName: settings.name, homeRegion: settings.homeRegion, endTime: end)
                let digest = DigestFile(
                    account: account, startTime: Date(timeIntervalSince1970: windowStart), endTime: end,
                    bucket: settings.bucket.name, key: key, fingerprint: signingKey.fingerprint, logFiles: listed,
                    previous: previous)
                let signed = try digest.signed(with: signingKey)
                try DigestFile.writeObject(
                    body: signed.body, signatureHex: signed.signatureHex, key: key, endTime: end, settings: settings, durable: false)
                previous = PreviousDigest(
                    bucket: settings.bucket.name, key: key, sha256Hex: signed.sha256Hex, signatureHex: signed.signatureHex)
                keys.append(key)
                windowStart = windowEnd
            }
        }
        return keys
    }
}
