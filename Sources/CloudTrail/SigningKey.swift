import AWSProtocol
import CCrypto

/// One RSA key pair held by libcrypto (`EVP_PKEY`): generation, PKCS#1 DER import/export, the
/// CloudTrail fingerprint, and SHA256withRSA (RSASSA-PKCS1-v1_5 + SHA-256) signing (AWS: "Custom
/// implementations of CloudTrail log file integrity validation",
/// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html).
///
/// Isolation: immutable after init; libcrypto allows concurrent use of one `EVP_PKEY` for
/// signing and verifying (each call makes its own `EVP_MD_CTX`).
// @unchecked: holds an immutable libcrypto `EVP_PKEY` pointer, safe to share for concurrent sign/verify.
public final class SigningKey: @unchecked Sendable {
    private let pkey: OpaquePointer
    /// The DER PKCS#1 `RSAPublicKey` (`MIIBCgKCAQEA…` in base64 for 2048 bits): ListPublicKeys `Value`.
    public let publicKeyDER: [UInt8]
    /// Lowercase hex MD5 of `publicKeyDER`: `digestPublicKeyFingerprint` (holds for every key/fingerprint
    /// pair AWS publishes; the AWS CLI's `validate-logs` loads the key with `rsa.PublicKey.load_pkcs1`).
    public let fingerprint: String

    private init(pkey: OpaquePointer) throws(SigningKeyError) {
        self.pkey = pkey
        let length = i2d_PublicKey(pkey, nil)
        guard length > 0 else {
            EVP_PKEY_free(pkey)
            throw SigningKeyError(reason: "i2d_PublicKey failed")
        }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            return i2d_PublicKey(pkey, &cursor)
        }
        guard written == length else {
            EVP_PKEY_free(pkey)
            throw SigningKeyError(reason: "i2d_PublicKey wrote \(written) of \(length) bytes")
        }
        publicKeyDER = der
        fingerprint = Self.fingerprint(ofPublicKeyDER: der)
    }

    deinit { EVP_PKEY_free(pkey) }

    /// The CloudTrail fingerprint of a DER PKCS#1 public key: lowercase hex MD5.
    public static func fingerprint(ofPublicKeyDER der: [UInt8]) -> String { Hex.encode(Digest.md5(der)) }

    /// Generates a fresh RSA key pair (2048 bits, like AWS's: 512-hex-character signatures).
    public static func generate(bits: Int32 = 2048) throws(SigningKeyError) -> SigningKey {
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nil) else {
            throw SigningKeyError(reason: "EVP_PKEY_CTX_new_id failed")
        }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_CTX_set_rsa_keygen_bits(context, bits) == 1 else {
            throw SigningKeyError(reason: "RSA keygen setup failed")
        }
        var key: OpaquePointer? = nil
        guard EVP_PKEY_keygen(context, &key) == 1, let key else { throw SigningKeyError(reason: "RSA keygen failed") }
        return try SigningKey(pkey: key)
    }

    /// Loads a private key from its DER PKCS#1 `RSAPrivateKey` bytes (what `privateKeyDER()` returns).
    public static func load(privateKeyDER der: [UInt8]) throws(SigningKeyError) -> SigningKey {
        let key: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_PrivateKey(EVP_PKEY_RSA, nil, &cursor, buffer.count)
        }
        guard let key else { throw SigningKeyError(reason: "not a DER PKCS#1 RSA private key") }
        return try SigningKey(pkey: key)
    }

    /// The private key as DER PKCS#1 `RSAPrivateKey` (the "traditional" format of `i2d_PrivateKey`).
    public func privateKeyDER() throws(SigningKeyError) -> [UInt8] {
        let length = i2d_PrivateKey(pkey, nil)
        guard length > 0 else { throw SigningKeyError(reason: "i2d_PrivateKey failed") }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            return i2d_PrivateKey(pkey, &cursor)
        }
        guard written == length else { throw SigningKeyError(reason: "i2d_PrivateKey short write") }
        return der
    }

    /// SHA256withRSA (RSASSA-PKCS1-v1_5 over SHA-256) of `message`: deterministic for a key and message.
    public func sign(_ message: [UInt8]) throws(SigningKeyError) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw SigningKeyError(reason: "EVP_MD_CTX_new failed") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, pkey) == 1 else {
            throw SigningKeyError(reason: "EVP_DigestSignInit failed")
        }
        var length = 0
        let sized = message.withUnsafeBufferPointer { EVP_DigestSign(context, nil, &length, $0.baseAddress, $0.count) }
        guard sized == 1, length > 0 else { throw SigningKeyError(reason: "EVP_DigestSign (size) failed") }
        var signature = [UInt8](repeating: 0, count: length)
        let status = signature.withUnsafeMutableBufferPointer { out in
            message.withUnsafeBufferPointer { EVP_DigestSign(context, out.baseAddress, &length, $0.baseAddress, $0.count) }
        }
        guard status == 1 else { throw SigningKeyError(reason: "EVP_DigestSign failed") }
        return Array(signature.prefix(length))
    }

    /// True when `signature` is a valid SHA256withRSA signature of `message` under the DER PKCS#1
    /// public key `publicKeyDER`; nil when the key itself cannot be loaded.
    public static func verify(signature: [UInt8], message: [UInt8], publicKeyDER: [UInt8]) -> Bool? {
        let key: OpaquePointer? = publicKeyDER.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_PublicKey(EVP_PKEY_RSA, nil, &cursor, buffer.count)
        }
        guard let key else { return nil }
        defer { EVP_PKEY_free(key) }
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, key) == 1 else { return false }
        let status = signature.withUnsafeBufferPointer { sig in
            message.withUnsafeBufferPointer { EVP_DigestVerify(context, sig.baseAddress, sig.count, $0.baseAddress, $0.count) }
        }
        return status == 1
    }
}
