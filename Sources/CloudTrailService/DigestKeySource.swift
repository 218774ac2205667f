import CloudTrail

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The digest signing keys as ListPublicKeys and GetTrailStatus see them: the key store's keys of a
/// region (the request's region, the region whose chains they sign), and the digest writer's last error.
public struct DigestKeySource: PublicKeySource {
    let store: SigningKeyStore
    let writer: DigestWriter?

    public init(store: SigningKeyStore, writer: DigestWriter?) {
        self.store = store
        self.writer = writer
    }

    public func publicKeys(region: String, from: Date, to: Date) -> [PublicKeyInfo] {
        store.publicKeys(region: region, from: from, to: to).map {
            PublicKeyInfo(der: $0.derPKCS1, fingerprint: $0.fingerprint, validityStart: $0.validityStart, validityEnd: $0.validityEnd)
        }
    }

    public func latestDigestDeliveryError() -> String? { writer?.status.lastError }
}
