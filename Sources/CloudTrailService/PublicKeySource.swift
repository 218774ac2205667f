#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where the digest keys come from: the digest-key store plugs in here. Also tells
/// GetTrailStatus when a digest was last delivered.
public protocol PublicKeySource: Sendable {
    /// The keys of `region` valid at some time in `[from, to]`, oldest first.
    func publicKeys(region: String, from: Date, to: Date) -> [PublicKeyInfo]
    /// When the last digest file was delivered (GetTrailStatus `LatestDigestDeliveryTime`), if known.
    func latestDigestDelivery() -> Date?
    /// The last digest delivery failure (`LatestDigestDeliveryError`), if any.
    func latestDigestDeliveryError() -> String?
}

extension PublicKeySource {
    public func latestDigestDelivery() -> Date? { nil }
    public func latestDigestDeliveryError() -> String? { nil }
}
