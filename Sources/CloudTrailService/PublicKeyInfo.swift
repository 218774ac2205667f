#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One digest-signing public key as ListPublicKeys returns it (AWS CloudTrail API Reference: "ListPublicKeys", https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_ListPublicKeys.html).
public struct PublicKeyInfo: Sendable, Equatable {
    /// DER of the PKCS#1 `RSAPublicKey` (not SubjectPublicKeyInfo); base64 on the wire.
    public var der: [UInt8]
    /// Lowercase hex MD5 of `der`.
    public var fingerprint: String
    public var validityStart: Date
    public var validityEnd: Date

    public init(der: [UInt8], fingerprint: String, validityStart: Date, validityEnd: Date) {
        self.der = der
        self.fingerprint = fingerprint
        self.validityStart = validityStart
        self.validityEnd = validityEnd
    }
}
