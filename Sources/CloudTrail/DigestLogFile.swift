import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One `logFiles[]` entry of a digest (AWS: "CloudTrail digest file structure").
public struct DigestLogFile: Sendable, Equatable {
    public var bucket: String
    public var key: String
    /// Lowercase hex SHA-256 of the uncompressed log file.
    public var sha256Hex: String
    public var oldestEventTime: Date
    public var newestEventTime: Date

    public init(bucket: String, key: String, sha256Hex: String, oldestEventTime: Date, newestEventTime: Date) {
        self.bucket = bucket
        self.key = key
        self.sha256Hex = sha256Hex
        self.oldestEventTime = oldestEventTime
        self.newestEventTime = newestEventTime
    }
}
