import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One chain, as `DigestTraverser` + `CloudTrailValidateLogs._call`: the digests in the time range,
/// newest to oldest, following `previousDigestS3Object`.
extension LogValidator {
    /// A walk down one chain: the digests left to visit and what was found so far.
    struct ChainWalk {
        let bucket: String
        /// Digest keys in range not yet visited, oldest first (visited from the end).
        var remaining: [String]
        var result: ChainResult
        var report: Report
        /// Keys already reported `not found` (a recorded chain head missing from the bucket).
        var reported = Set<String>()

        /// The newest remaining digest older than `before` (the newest of all when nil).
        mutating func popLast(before: String?) -> String? {
            guard let before else { return remaining.popLast() }
            let limit = LogValidator.parse(key: before)?.stamp ?? ""
            while let next = remaining.popLast() {
                if (LogValidator.parse(key: next)?.stamp ?? "") < limit { return next }
            }
            return nil
        }

        /// Counts an invalid digest and reports `text`.
        mutating func invalidDigest(_ text: String) {
            report.invalidDigests += 1
            result.statuses.append(Status(text: text, isError: true))
        }

        /// Counts a valid digest, widens the range found, and reports it and each of its log files.
        mutating func validDigest(
            _ key: String, _ digest: JSONValue, start: Date, end: Date, checkLogFile: (JSONValue) -> Status
        ) {
            report.validDigests += 1
            let foundStart = max(start, report.start)
            if report.foundStart.map({ foundStart < $0 }) ?? true { report.foundStart = foundStart }
            let foundEnd = min(end, report.end)
            if report.foundEnd.map({ foundEnd > $0 }) ?? true { report.foundEnd = foundEnd }
            result.statuses.append(Status(text: "Digest file\ts3://\(bucket)/\(key)\tvalid", isError: false))
            for log in digest["logFiles"]?.arrayValue ?? [] {
                let status = checkLogFile(log)
                if status.isError { report.invalidLogs += 1 } else { report.validLogs += 1 }
                result.statuses.append(status)
            }
        }
    }

    /// Validates one chain between `report.start` and `report.end` and adds its result to `report`.
    func validateChain(
        _ id: ChainID, keys allKeys: [(key: String, stamp: String)], head: (key: String, end: Date)?, report: inout Report
    ) {
        let startStamp = DigestTime.stamp(report.start)
        let endStamp = DigestTime.stamp(report.end.addingTimeInterval(3600))
        let marker = DigestFile.key(
            prefix: id.prefix, organizationId: id.organizationId, account: id.account, region: id.region,
            trailName: id.trailName, homeRegion: id.homeRegion, endTime: report.start.addingTimeInterval(-60))
        var digests: [String] = []
        for (key, stamp) in allKeys where Array(key.utf8).lexicographicallyPrecedes(Array(marker.utf8)) == false && key != marker {
            if stamp > endStamp { break }
            if stamp < startStamp { continue }
            digests.append(key)
        }
        let headInRange = head.map { DigestTime.stamp($0.end) >= startStamp && DigestTime.stamp($0.end) <= endStamp } ?? false
        guard !digests.isEmpty || headInRange else { return }

        let arn = "arn:aws:cloudtrail:\(id.homeRegion):\(id.account):trail/\(id.trailName)"
        var walk = ChainWalk(
            bucket: bucketName ?? recordedBucketName(digests) ?? FileIO.lastComponent(bucketRoot), remaining: digests,
            result: ChainResult(trailARN: arn, account: id.account, region: id.region, homeRegion: id.homeRegion, statuses: []),
            report: report)
        walkChain(id, head: headInRange ? head : nil, walk: &walk)
        report = walk.report
        report.chains.append(walk.result)
    }

    /// Checks the recorded head, then each digest from the newest, following the links between them.
    private func walkChain(_ id: ChainID, head: (key: String, end: Date)?, walk: inout ChainWalk) {
        let start = walk.report.start
        let keysEnd = walk.report.end.addingTimeInterval(7200)
        let keys = keyStore.publicKeys(region: id.region, from: start, to: keysEnd)
        guard !keys.isEmpty else {
            let message = "No public keys found between \(DigestTime.iso(start)) and \(DigestTime.iso(keysEnd))"
            walk.report.fatalErrors.append(message)
            walk.result.statuses.append(Status(text: message, isError: true))
            return
        }
        let publicKeys = Dictionary(keys.map { ($0.fingerprint, $0.derPKCS1) }, uniquingKeysWith: { first, _ in first })
        let bucket = walk.bucket
        if let head, !FileIO.exists(FileIO.join(bucketRoot, head.key)) {
            walk.reported.insert(head.key)
            walk.invalidDigest("Digest file\ts3://\(bucket)/\(head.key)\tINVALID: not found")
        }
        var current = walk.popLast(before: nil)
        var lastStart = current.flatMap { Self.parse(key: $0).flatMap { DigestTime.parseStamp($0.stamp) } } ?? start
        var expected: ExpectedLink? = nil
        while let key = current, start <= lastStart {
            switch loadDigest(key, bucket: bucket, publicKeys: publicKeys, homeRegion: id.homeRegion, expected: expected) {
            case .missing:
                if !walk.reported.contains(key) { walk.invalidDigest("Digest file\ts3://\(bucket)/\(key)\tINVALID: not found") }
                current = walk.popLast(before: key)
                expected = nil
            case .invalid(let message):
                walk.invalidDigest(message)
                current = walk.popLast(before: key)
                expected = nil
            case .valid(let digest, let digestStart, let digestEnd, _, _):
                lastStart = digestStart
                walk.validDigest(key, digest, start: digestStart, end: digestEnd, checkLogFile: checkLogFile)
                (current, expected) = Self.next(after: key, digest, digestStart: digestStart, walk: &walk)
            }
        }
    }

    /// The digest to visit after the valid `key`: the one it links to, else the next older in the
    /// bucket (a chain that restarted: reported as a gap without log files).
    private static func next(
        after key: String, _ digest: JSONValue, digestStart: Date, walk: inout ChainWalk
    ) -> (key: String?, expected: ExpectedLink?) {
        if let previousBucket = digest["previousDigestS3Bucket"]?.stringValue,
            let previousKey = digest["previousDigestS3Object"]?.stringValue
        {
            if previousBucket == walk.bucket {
                return (previousKey, (digest["previousDigestHashValue"]?.stringValue, digest["previousDigestSignature"]?.stringValue))
            }
            walk.invalidDigest("Digest file\ts3://\(previousBucket)/\(previousKey)\tINVALID: not found")
            return (walk.popLast(before: key), nil)
        }
        let next = walk.popLast(before: key)
        if let next, let nextEnd = parse(key: next).flatMap({ DigestTime.parseStamp($0.stamp) }) {
            walk.result.statuses.append(
                Status(
                    text:
                        "No log files were delivered by CloudTrail between \(DigestTime.iso(nextEnd)) and \(DigestTime.iso(digestStart))",
                    isError: true))
        }
        return (next, nil)
    }
}
