#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One digest-signing public key as ListPublicKeys returns it (reference §0 item 5, §6.3).
struct PublicKeyInfo: Sendable, Equatable {
    /// DER of the PKCS#1 `RSAPublicKey` (not SubjectPublicKeyInfo); base64 on the wire.
    var der: [UInt8]
    /// Lowercase hex MD5 of `der`.
    var fingerprint: String
    var validityStart: Date
    var validityEnd: Date
}

/// Where the digest keys come from: the digest-key store plugs in here. Also tells
/// GetTrailStatus when a digest was last delivered.
protocol PublicKeySource: Sendable {
    /// The keys of `region` valid at some time in `[from, to]`, oldest first.
    func publicKeys(region: String, from: Date, to: Date) -> [PublicKeyInfo]
    /// When the last digest file was delivered (GetTrailStatus `LatestDigestDeliveryTime`), if known.
    func latestDigestDelivery() -> Date?
    /// The last digest delivery failure (`LatestDigestDeliveryError`), if any.
    func latestDigestDeliveryError() -> String?
}

extension PublicKeySource {
    func latestDigestDelivery() -> Date? { nil }
    func latestDigestDeliveryError() -> String? { nil }
}

/// No keys: the default until the digest-key store is plugged in.
struct NoPublicKeys: PublicKeySource {
    func publicKeys(region: String, from: Date, to: Date) -> [PublicKeyInfo] { [] }
}
