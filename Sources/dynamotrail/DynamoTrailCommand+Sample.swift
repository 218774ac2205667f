import AWSProtocol
import CloudTrail
import DynamoTrail
import TrailSample

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension DynamoTrailCommand {
    /// `dynamotrail sample`: realistic CloudTrail logs (and digests) for N events, without a server.
    static func sample(_ invocation: CommandLineInvocation, _ configuration: Configuration) async -> Never {
        let options = invocation.options
        let count = Int(options["count"] ?? "1000") ?? -1
        guard count >= 0 else { fail(ConfigurationError(key: "--count", reason: "must be a whole number"), hint: false) }
        guard let seed = UInt64(options["seed"] ?? "1") else {
            fail(ConfigurationError(key: "--seed", reason: "must be a whole number"), hint: false)
        }
        // With an explicit --seed and no range, a fixed day, so the same command writes the same bytes
        // whenever it runs; without a seed, the last 24 hours.
        let defaultEnd = options["seed"] == nil ? Date() : SampleGenerator.seededDefaultEnd
        let end = parseTime(options["end-time"], key: "--end-time") ?? defaultEnd
        let start = parseTime(options["start-time"], key: "--start-time") ?? end.addingTimeInterval(-86400)
        guard start < end else { fail(ConfigurationError(key: "--start-time", reason: "must be before --end-time"), hint: false) }
        var trail = configuration.trail
        trail.bucket.path = options["output"] ?? "./sample-bucket"
        // The sample's own state (signing keys, sidecars, temp files): beside its output, not the server's.
        trail.stateDirectory = options["state-dir"]
        if let reason = StateDirectory.placementProblem(state: trail.state.root, bucket: trail.bucket.path) {
            fail(ConfigurationError(key: "--state-dir", reason: reason), hint: false)
        }
        var sampleOptions = SampleGenerator.Options(
            start: start, end: end, trail: trail, accounts: SampleGenerator.accounts(from: configuration.accounts))
        sampleOptions.count = count
        sampleOptions.seed = seed
        if let regions = options["regions"] {
            sampleOptions.regions = regions.split(separator: ",").map(String.init)
            guard !sampleOptions.regions.isEmpty else {
                fail(ConfigurationError(key: "--regions", reason: "must name a region"), hint: false)
            }
        }
        let showProgress = !invocation.switches.contains("quiet") && Platform.standardErrorIsTerminal
        let started = Date()
        do {
            let report = try await SampleGenerator(options: sampleOptions).run { done in
                guard showProgress else { return }
                let fraction = count == 0 ? 1 : Double(done) / Double(count)
                let filled = Int(fraction * 30)
                writeError(
                    "\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: 30 - filled))] "
                        + "\(Int(fraction * 100))% \(done)/\(count) events")
            }
            if showProgress { writeError("\n") }
            let seconds = Date().timeIntervalSince(started)
            write(
                "wrote \(report.events) events in \(report.files.count) log files and \(report.digests.count) digest files to \(trail.bucket.path) "
                    + "(\(DecimalText.fixed(seconds, digits: 1)) s)\n")
            Platform.exit(0)
        } catch {
            writeError("dynamotrail: sample failed: \(error)\n")
            Platform.exit(1)
        }
    }

    /// An ISO 8601 time (`2026-11-24T10:00:00Z`) or date (`2026-11-24`); exits 2 when malformed.
    static func parseTime(_ text: String?, key: String) -> Date? {
        guard let text else { return nil }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text + "T00:00:00Z", strategy: .iso8601) { return date }
        fail(ConfigurationError(key: key, reason: "must be an ISO 8601 time such as 2026-11-24T10:00:00Z"), hint: false)
    }
}
