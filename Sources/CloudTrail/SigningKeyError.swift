import AWSProtocol
import CCrypto

/// Why an RSA operation failed in libcrypto.
public struct SigningKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
