import AWSProtocol
import CloudTrail
import Dispatch
import DynamoTrail

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `dynamotrail events`: prints the records delivered into a bucket directory, as columns or as
/// JSON lines (each record exactly as delivered), streaming one log file at a time.
extension DynamoTrailCommand {
    static func events(_ invocation: CommandLineInvocation, _ configuration: Configuration) async -> Never {
        let options = invocation.options
        var filter = LogRecordFilter()
        filter.account = options["account"]
        filter.region = options["region"]
        filter.eventName = options["event-name"]
        filter.user = options["user"]
        filter.accessKeyId = options["access-key"]
        filter.readOnlyOnly = invocation.switches.contains("read-only")
        filter.errorsOnly = invocation.switches.contains("errors")
        for (flag, keyPath) in [("start-time", \LogRecordFilter.startTime), ("end-time", \LogRecordFilter.endTime)] {
            guard let text = options[flag] else { continue }
            guard let date = parseTimeFlag(text) else {
                writeError("dynamotrail: --\(flag): \"\(text)\" is not an ISO 8601 time (e.g. 2026-11-24T09:30:00Z)\n")
                Platform.exit(2)
            }
            filter[keyPath: keyPath] = date
        }
        if let start = filter.startTime, let end = filter.endTime, start > end {
            writeError("dynamotrail: --start-time is after --end-time\n")
            Platform.exit(2)
        }
        var limit: Int? = nil
        if let text = options["limit"] {
            guard let value = Int(text), value > 0 else {
                writeError("dynamotrail: --limit: must be a positive whole number\n")
                Platform.exit(2)
            }
            limit = value
        }
        let bucket = configuration.trail.bucket.path
        guard Platform.isDirectory(bucket) else {
            writeError("dynamotrail: bucket directory \(bucket) not found (--bucket DIR)\n")
            Platform.exit(1)
        }
        let json = invocation.switches.contains("json")
        let reader = LogReader(bucketRoot: bucket)
        let captured = filter
        let count = limit
        // Reading files blocks: do it on a Dispatch queue, not a concurrency thread.
        let failures = await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
            DispatchQueue.global().async {
                continuation.resume(returning: printEvents(reader, filter: captured, limit: count, json: json))
            }
        }
        Platform.exit(failures > 0 ? 1 : 0)
    }

    /// Streams the matching records to stdout; returns how many files could not be read.
    private static func printEvents(_ reader: LogReader, filter: LogRecordFilter, limit: Int?, json: Bool) -> Int {
        let output = BufferedOutput()
        var failures = 0
        if !json { output.write(EventColumns.header + "\n") }
        let report = { (error: LogReaderError) in
            failures += 1
            output.flush()
            writeError("dynamotrail: \(error)\n")
        }
        reader.forEachRecord(filter, limit: limit, onError: report) { record in
            if json {
                output.write(record.bytes)
                output.write("\n")
            } else {
                output.write(EventColumns.line(record.value) + "\n")
            }
        }
        output.flush()
        return failures
    }

    /// ISO 8601 with or without fractional seconds or an offset, a bare date (midnight UTC), or epoch seconds.
    static func parseTimeFlag(_ text: String) -> Date? {
        if let seconds = Double(text), seconds.isFinite { return Date(timeIntervalSince1970: seconds) }
        // FoundationEssentials' ISO 8601 styles stand in for ISO8601DateFormatter's three option sets;
        // fractions are cut to milliseconds as the formatter did.
        let styles = [
            Date.ISO8601FormatStyle(), Date.ISO8601FormatStyle(includingFractionalSeconds: true),
            Date.ISO8601FormatStyle().year().month().day(),
        ]
        for style in styles {
            if let date = try? style.parse(text) {
                return Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
            }
        }
        return nil
    }
}
