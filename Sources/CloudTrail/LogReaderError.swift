import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why a log file, or one record of it, could not be read (the reader reports it and goes on with
/// the next record or file).
public enum LogReaderError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(key: String, reason: String)
    case notGzip(key: String, reason: String)
    case notCloudTrailJSON(key: String)
    /// One record of an otherwise readable file, left out; `index` counts from 0 in `Records`.
    case skippedRecord(key: String, index: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let key, let reason): "\(key): cannot read: \(reason)"
        case .notGzip(let key, let reason): "\(key): not a gzip file: \(reason)"
        case .notCloudTrailJSON(let key): "\(key): not a CloudTrail log file ({\"Records\":[...]})"
        case .skippedRecord(let key, let index, let reason): "\(key): record \(index) skipped: \(reason)"
        }
    }
}
