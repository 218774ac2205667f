#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// No keys: the default until the digest-key store is plugged in.
public struct NoPublicKeys: PublicKeySource {
    public init() {}

    public func publicKeys(region: String, from: Date, to: Date) -> [PublicKeyInfo] { [] }
}
