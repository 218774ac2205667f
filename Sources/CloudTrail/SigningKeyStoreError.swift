import AWSProtocol
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why a key could not be created or read.
public enum SigningKeyStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case io(FileIOError)
    case crypto(SigningKeyError)
    case invalidRegion(String)

    public var description: String {
        switch self {
        case .io(let error): "key store: \(error)"
        case .crypto(let error): "key store: \(error)"
        case .invalidRegion(let region): "key store: region \"\(region)\" cannot name a key file"
        }
    }
}
