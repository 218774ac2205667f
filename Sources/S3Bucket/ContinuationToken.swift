#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// ListObjectsV2's opaque continuation token: base64 of a version byte and the last key returned.
public enum ContinuationToken {
    public static func encode(after key: [UInt8]) -> String { Data([1] + key).base64EncodedString() }

    /// The key a token resumes after; nil for a token this server did not make.
    public static func decode(_ token: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: token), data.first == 1 else { return nil }
        return Array(data.dropFirst())
    }
}
