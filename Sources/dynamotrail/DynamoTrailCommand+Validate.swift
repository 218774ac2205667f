import CloudTrail
import Dispatch
import DynamoTrail

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension DynamoTrailCommand {
    /// `dynamotrail validate [--bucket DIR] [--start-time ISO] [--end-time ISO] [--account ID]
    /// [--region R] [--verbose]`: offline `aws cloudtrail validate-logs` over the bucket directory
    /// (`LogValidator`), printed like the CLI. Exit 1 when any digest or log file is invalid or
    /// missing, 0 otherwise, 2 on bad arguments.
    ///
    /// The bucket name digests must carry is `trail.bucket.name` when a configuration file is in
    /// use (`--config`, `DYNAMOTRAIL_CONFIG` or `./config.json`); without one it is taken from the
    /// digests themselves, since a bare directory has no name.
    static func validate(_ invocation: CommandLineInvocation, _ configuration: Configuration) async -> Never {
        let options = invocation.options
        func time(_ name: String) -> Date? {
            guard let text = options[name] else { return nil }
            guard let date = DigestTime.parseISO(text) else {
                writeError("dynamotrail: --\(name): \"\(text)\" is not an ISO 8601 time (e.g. 2026-11-24T14:33:40Z)\n")
                Platform.exit(2)
            }
            return date
        }
        let start = time("start-time")
        let end = time("end-time") ?? Date()
        if let start, start > end {
            writeError("dynamotrail: --start-time: Invalid time range specified: start-time must occur before end-time\n")
            Platform.exit(2)
        }
        let bucketRoot = configuration.trail.bucket.path
        guard Platform.isDirectory(bucketRoot) else {
            writeError("dynamotrail: --bucket: \(bucketRoot) is not a directory\n")
            Platform.exit(2)
        }
        let environment = ProcessInfo.processInfo.environment
        let configured =
            options["config"] != nil || environment["DYNAMOTRAIL_CONFIG"] != nil
            || FileManager.default.fileExists(atPath: "./config.json")
        let bucketName = configured ? configuration.trail.bucket.name : nil
        let account = options["account"]
        let region = options["region"]
        // Blocking file reads: on a Dispatch queue, not a concurrency thread.
        let report = await withCheckedContinuation { (continuation: CheckedContinuation<LogValidator.Report, Never>) in
            DispatchQueue.global().async {
                let validator = LogValidator(
                    bucketRoot: bucketRoot, bucketName: bucketName, stateDirectory: configuration.trail.stateDirectory)
                continuation.resume(returning: validator.validate(start: start, end: end, account: account, region: region))
            }
        }
        for line in report.rendered(verbose: invocation.switches.contains("verbose")) {
            if line.toStandardError { writeError(line.text) } else { write(line.text) }
        }
        Platform.exit(report.exitCode)
    }
}
