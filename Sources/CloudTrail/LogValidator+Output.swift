#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension LogValidator.Report {
    /// One piece of output and where it goes.
    public struct OutputLine: Sendable, Equatable {
        public var toStandardError: Bool
        public var text: String
    }

    /// The run's output exactly as `CloudTrailValidateLogs` writes it: a start line per chain
    /// (`Validating log files for trail <arn> between <start> and <end>`; for a delivery region
    /// other than the home region `… <arn> in region <region> between …`), each verdict (valid ones
    /// only with `verbose`; errors on stderr framed by blank lines), then one summary over all
    /// chains (`Results requested for …`, `Results found for …:`, `N/N digest files valid`,
    /// `N/N log files valid`).
    public func rendered(verbose: Bool) -> [OutputLine] {
        var out: [OutputLine] = []
        var lastDoubleSpace = true
        let range = "between \(DigestTime.iso(start)) and \(DigestTime.iso(end))"
        for chain in chains {
            if !lastDoubleSpace { out.append(OutputLine(toStandardError: false, text: "\n")) }
            let region = chain.region == chain.homeRegion ? "" : " in region \(chain.region)"
            out.append(OutputLine(toStandardError: false, text: "Validating log files for trail \(chain.trailARN)\(region) \(range)\n\n"))
            lastDoubleSpace = true
            for status in chain.statuses {
                if status.isError {
                    out.append(OutputLine(toStandardError: true, text: (lastDoubleSpace ? "" : "\n") + status.text + "\n\n"))
                    lastDoubleSpace = true
                } else if verbose {
                    out.append(OutputLine(toStandardError: false, text: status.text + "\n"))
                    lastDoubleSpace = false
                }
            }
        }
        var summary = lastDoubleSpace ? "" : "\n"
        summary += "Results requested for \(DigestTime.iso(start)) to \(DigestTime.iso(end))\n"
        if validDigests == 0 && invalidDigests == 0 {
            summary += "No digests found\n"
            out.append(OutputLine(toStandardError: false, text: summary))
            return out
        }
        if let foundStart, let foundEnd {
            summary += "Results found for \(DigestTime.iso(foundStart)) to \(DigestTime.iso(foundEnd)):\n"
        } else {
            summary += "No valid digests found in range\n"
        }
        summary += Self.ratio(validDigests, invalidDigests, "digest")
        summary += Self.ratio(validLogs, invalidLogs, "log")
        summary += "\n"
        out.append(OutputLine(toStandardError: false, text: summary))
        return out
    }

    /// `_write_ratio`.
    static func ratio(_ valid: Int, _ invalid: Int, _ name: String) -> String {
        let total = valid + invalid
        guard total > 0 else { return "" }
        var text = "\n\(valid)/\(total) \(name) files valid"
        if invalid > 0 { text += ", \(invalid)/\(total) \(name) files INVALID" }
        return text
    }
}
