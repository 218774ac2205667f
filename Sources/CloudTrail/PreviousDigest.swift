import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The link from a digest to the one before it in its chain.
public struct PreviousDigest: Sendable, Equatable {
    public var bucket: String
    public var key: String
    /// Hex SHA-256 of the previous digest's uncompressed bytes.
    public var sha256Hex: String
    /// Hex signature of the previous digest (its `x-amz-meta-signature`).
    public var signatureHex: String

    public init(bucket: String, key: String, sha256Hex: String, signatureHex: String) {
        self.bucket = bucket
        self.key = key
        self.sha256Hex = sha256Hex
        self.signatureHex = signatureHex
    }
}
