import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Builds digest chains offline for log files already written (`dynamotrail sample`): per account and
/// region, one signed digest per `interval` of delivery time, each pointing at the one before (AWS:
/// "CloudTrail digest file structure"). Every account's trail covers `regions` as well as the regions of its
/// files, and every chain spans the same windows, from the first delivery's to the last one's, empty windows
/// and idle regions included (AWS delivers a digest "even when there has been no API activity in your account
/// during the one hour period", same page). The online twin is `DigestWriter`.
public enum DigestChain {
    /// Writes the chains and returns the digest keys, oldest first per chain, chains by account then region. Blocking.
    public static func write(
        files: [DeliveredLogFile], settings: TrailSettings, keyStore: SigningKeyStore, interval: TimeInterval = 3600,
        regions: [String] = []
    ) throws -> [String] {
        let sorted = files.sorted { ($0.deliveredAt, $0.key) < ($1.deliveredAt, $1.key) }
        guard let first = sorted.first, let last = sorted.last else { return [] }
        let firstWindow = (first.deliveredAt.timeIntervalSince1970 / interval).rounded(.down) * interval
        let byChain = Dictionary(grouping: sorted) { ChainName(account: $0.account, region: $0.region) }
        var names = Set(byChain.keys)
        for account in Set(sorted.map(\.account)) {
            for region in regions { names.insert(ChainName(account: account, region: region)) }
        }
        var keys: [String] = []
        for name in names.sorted() {
            var windowStart = firstWindow
            var previous: PreviousDigest? = nil
            var pending = byChain[name] ?? []
            while windowStart <= last.deliveredAt.timeIntervalSince1970 {
                let windowEnd = windowStart + interval
                let count = pending.prefix { $0.deliveredAt.timeIntervalSince1970 < windowEnd }.count
                let listed = pending.prefix(count).map {
                    DigestLogFile(
                        bucket: $0.bucket, key: $0.key, sha256Hex: $0.sha256Hex, oldestEventTime: $0.oldestEventTime,
                        newestEventTime: $0.newestEventTime)
                }
                pending.removeFirst(count)
                let written = try writeDigest(
                    name, start: windowStart, end: windowEnd, logFiles: listed, previous: previous, settings: settings,
                    keyStore: keyStore)
                previous = written.previous
                keys.append(written.key)
                windowStart = windowEnd
            }
        }
        return keys
    }

    /// One chain: an account's trail in one region.
    struct ChainName: Hashable, Comparable {
        var account: String
        var region: String
        static func < (a: ChainName, b: ChainName) -> Bool { (a.account, a.region) < (b.account, b.region) }
    }

    /// Signs and writes one digest; returns its key and the link the next digest carries.
    private static func writeDigest(
        _ name: ChainName, start: TimeInterval, end: TimeInterval, logFiles: [DigestLogFile], previous: PreviousDigest?,
        settings: TrailSettings, keyStore: SigningKeyStore
    ) throws -> (key: String, previous: PreviousDigest) {
        let endDate = Date(timeIntervalSince1970: end)
        let signingKey = try keyStore.signingKey(region: name.region, at: Date(timeIntervalSince1970: start))
        let key = DigestFile.key(
            prefix: settings.bucket.keyPrefix, organizationId: settings.organizationId, account: name.account,
            region: name.region, trailName: settings.name, homeRegion: settings.homeRegion, endTime: endDate)
        let digest = DigestFile(
            account: name.account, startTime: Date(timeIntervalSince1970: start), endTime: endDate,
            bucket: settings.bucket.name, key: key, fingerprint: signingKey.fingerprint, logFiles: logFiles, previous: previous)
        let signed = try digest.signed(with: signingKey)
        try DigestFile.writeObject(
            body: signed.body, signatureHex: signed.signatureHex, key: key, endTime: endDate, settings: settings, durable: false)
        return (
            key,
            PreviousDigest(bucket: settings.bucket.name, key: key, sha256Hex: signed.sha256Hex, signatureHex: signed.signatureHex)
        )
    }
}
