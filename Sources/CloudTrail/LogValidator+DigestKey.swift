#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Digest keys: how the validator finds and parses them.
extension LogValidator {
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

    /// Every digest key in the bucket directory (relative, sorted byte-wise), skipping log-file
    /// folders and an old layout's `.dynamotrail/`.
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
}
