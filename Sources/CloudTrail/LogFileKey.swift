import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Builds the S3 key of a log file (AWS: "Finding your CloudTrail log files",
/// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html, and "CloudTrail log file examples"):
/// `[<prefix>/]AWSLogs/[<orgId>/]<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_YYYYMMDDTHHmmZ_<16 [A-Za-z0-9]>.json.gz`.
/// Both the folder date and the file-name minute are the *delivery* time in UTC (the folder date
/// being delivery time is inferred, Unverified; AWS documents it for the file name only).
public enum LogFileKey {
    /// The alphabet of the 16-character unique part.
    public static let uniqueAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// The full key for one log file.
    public static func make(
        prefix: String, organizationId: String?, account: String, region: String, deliveredAt: Date, unique: String
    ) -> String {
        let time = UTCTime(deliveredAt)
        let file = "\(account)_CloudTrail_\(region)_\(time.fileNameStamp)_\(unique).json.gz"
        return "\(root(prefix: prefix, organizationId: organizationId))\(account)/CloudTrail/\(region)/\(time.folderPath)/\(file)"
    }

    /// A fresh unique part drawn from `random`.
    public static func uniqueString(using random: any RandomSource) -> String {
        random.string(count: 16, from: uniqueAlphabet)
    }

    /// `[<prefix>/]AWSLogs/[<orgId>/]`: the part of every log key before the account id. A trailing
    /// `/` on the prefix is dropped (the AWS CLI's `validate-logs` joins prefix and `AWSLogs` with `/`).
    public static func root(prefix: String, organizationId: String?) -> String {
        var trimmed = prefix
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        var path = trimmed.isEmpty ? "AWSLogs/" : "\(trimmed)/AWSLogs/"
        if let organizationId, !organizationId.isEmpty { path += "\(organizationId)/" }
        return path
    }
}
