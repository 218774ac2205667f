import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One record read back from a delivered log file.
public struct LogRecord: Sendable {
    /// The log file's key, relative to the bucket directory.
    public let key: String
    /// The record's bytes exactly as they appear in the file.
    public let bytes: [UInt8]
    /// The record parsed.
    public let value: JSONValue
}
