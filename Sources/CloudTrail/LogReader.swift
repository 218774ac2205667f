import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads CloudTrail log files out of a bucket directory: walks every
/// `[<prefix>/]AWSLogs/[<org>/]<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz` (digests and
/// an old layout's private `.dynamotrail` folder skipped), one directory listing and one decompressed file
/// in memory at a time, so thousands of files stream through in constant memory.
///
/// Order: keys sorted at every level, i.e. by account, region, delivery day and file name (whose
/// stamp is the delivery minute), and records in file order. Records inside a file are not sorted
/// (AWS: "The log entries are not guaranteed to be in any particular order", "Logging DynamoDB
/// operations by using AWS CloudTrail").
///
/// Isolation: a value type with no shared state. Its methods do blocking file I/O: call them
/// from a thread or Dispatch queue, never from async code.
public struct LogReader: Sendable {
    public let bucketRoot: String

    public init(bucketRoot: String) {
        self.bucketRoot = bucketRoot
    }

    /// Calls `body` with each log file's key, in order, skipping folders `filter` rules out
    /// (another account or region, a day before `filter.startTime`). `body` returns false to stop.
    /// - Returns: false when `body` stopped the walk.
    @discardableResult
    public func forEachLogFile(_ filter: LogRecordFilter = LogRecordFilter(), _ body: (String) -> Bool) -> Bool {
        walk(relative: [], filter: filter, body)
    }

    /// The records of one log file, given its key. A record that cannot be read (not JSON, nested
    /// deeper than `JSONLimits.maximumDepth`, not an object, cut off by a truncated file) is
    /// reported to `onSkipped` with its index and left out; the file's other records are returned.
    /// Only a file that cannot be read, unzipped or framed as `{"Records":[…]}` fails as a whole.
    public func records(
        inFile key: String, onSkipped: (LogReaderError) -> Void = { _ in }
    ) -> Result<[LogRecord], LogReaderError> {
        let path = FileIO.join(bucketRoot, key)
        let compressed: [UInt8]
        do throws(FileIOError) {
            guard let bytes = try FileIO.readFile(path) else {
                return .failure(.unreadable(key: key, reason: "no such file"))
            }
            compressed = bytes
        } catch {
            return .failure(.unreadable(key: key, reason: error.description))
        }
        let body: [UInt8]
        do throws(Gzip.Failure) {
            body = try Gzip.decompress(compressed)
        } catch {
            return .failure(.notGzip(key: key, reason: error.reason))
        }
        guard let framing = LogRecordSplitter.records(in: body) else { return .failure(.notCloudTrailJSON(key: key)) }
        var records: [LogRecord] = []
        records.reserveCapacity(framing.ranges.count)
        for (index, slice) in framing.ranges.enumerated() {
            let bytes = Array(body[slice])
            let value: JSONValue
            do throws(JSONParseError) {
                value = try JSONParser.parse(bytes, maximumDepth: JSONLimits.maximumDepth)
            } catch {
                onSkipped(.skippedRecord(key: key, index: index, reason: "not JSON at byte \(error.offset): \(error.reason)"))
                continue
            }
            guard value.objectValue != nil else {
                onSkipped(.skippedRecord(key: key, index: index, reason: "not a JSON object"))
                continue
            }
            records.append(LogRecord(key: key, bytes: bytes, value: value))
        }
        if framing.isTruncated {
            onSkipped(.skippedRecord(key: key, index: framing.ranges.count, reason: "the Records array ends here (truncated or malformed)"))
        }
        return .success(records)
    }

    /// Streams every record `filter` accepts to `body`, file by file, until `limit` records were
    /// passed on (nil: all). Unreadable files and skipped records go to `onError`; reading goes on.
    /// - Returns: the number of records passed to `body`.
    @discardableResult
    public func forEachRecord(
        _ filter: LogRecordFilter = LogRecordFilter(), limit: Int? = nil,
        onError: (LogReaderError) -> Void = { _ in }, _ body: (LogRecord) -> Void
    ) -> Int {
        var passed = 0
        if let limit, limit <= 0 { return 0 }
        forEachLogFile(filter) { key in
            switch records(inFile: key, onSkipped: onError) {
            case .failure(let error):
                onError(error)
            case .success(let records):
                for record in records where filter.matches(record.value) {
                    body(record)
                    passed += 1
                    if let limit, passed >= limit { return false }
                }
            }
            return true
        }
        return passed
    }

    // MARK: - Walking

    /// Deeper than any log key (`prefix/AWSLogs/org/account/CloudTrail/region/YYYY/MM/DD/file`
    /// with a multi-level prefix): guards against symlink loops.
    static let maxDepth = 24

    private func walk(relative: [String], filter: LogRecordFilter, _ body: (String) -> Bool) -> Bool {
        guard relative.count < Self.maxDepth else { return true }
        let directory = relative.isEmpty ? bucketRoot : FileIO.join(bucketRoot, relative.joined(separator: "/"))
        guard let names = FileIO.listDirectory(directory) else { return true }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = FileIO.join(directory, name)
            guard let isDirectory = FileIO.isDirectory(path) else { continue }
            let components = relative + [name]
            if isDirectory {
                guard Self.mayHoldLogs(components, filter: filter) else { continue }
                if !walk(relative: components, filter: filter, body) { return false }
            } else if Self.isLogFile(components) {
                if !body(components.joined(separator: "/")) { return false }
            }
        }
        return true
    }

    /// Whether a directory (given as its path components under the bucket) can hold log files the
    /// filter wants: below `CloudTrail/`, the account before it, then region, year, month and day.
    static func mayHoldLogs(_ components: [String], filter: LogRecordFilter) -> Bool {
        guard let trail = components.lastIndex(of: "CloudTrail") else {
            // Above the CloudTrail folder: anything but digests may lead to logs.
            return components.last != "CloudTrail-Digest"
        }
        guard trail >= 1, components[..<trail].contains("AWSLogs") else { return true }
        if let account = filter.account, components[trail - 1] != account { return false }
        let below = components[(trail + 1)...]
        if let region = filter.region, let first = below.first, first != region { return false }
        // Delivery day folders: a file delivered on day D holds events up to D, so days before the
        // start day hold nothing in range. (End times cannot prune: late events land in later days.)
        if let startDay = filter.startDay, below.count >= 2 {
            let parts = Array(below.dropFirst().prefix(3))
            let prefix = startDay.prefix(parts.count)
            if parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), parts.lexicographicallyPrecedes(prefix) { return false }
        }
        return true
    }

    /// `…/AWSLogs/…/<account>/CloudTrail/<region>/…/<account>_CloudTrail_<region>_….json.gz`.
    static func isLogFile(_ components: [String]) -> Bool {
        guard let name = components.last, name.hasSuffix(".json.gz"), name.contains("_CloudTrail_"),
            let trail = components.lastIndex(of: "CloudTrail"), trail >= 1, components[..<trail].contains("AWSLogs")
        else { return false }
        return true
    }
}
