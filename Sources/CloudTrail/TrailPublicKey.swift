import AWSProtocol
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One public key as CloudTrail's `ListPublicKeys` returns it (AWS CloudTrail API Reference, "ListPublicKeys",
/// https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_ListPublicKeys.html): `Value` is base64
/// on the wire of `derPKCS1`, `Fingerprint` is `fingerprint`.
public struct TrailPublicKey: Sendable, Equatable {
    /// DER PKCS#1 `RSAPublicKey` bytes (not SPKI, not PEM).
    public var derPKCS1: [UInt8]
    /// Lowercase hex MD5 of `derPKCS1`.
    public var fingerprint: String
    /// When the key was created: the first digest it can have signed.
    public var validityStart: Date
    /// When the next key of the region took over (for the newest key: the later of its planned
    /// rotation time and now). Digests signed with the key lie within [validityStart, validityEnd].
    public var validityEnd: Date
}
