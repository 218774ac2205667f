import CCrypto

/// Hashes and MACs from libcrypto (EVP): never hand-written.
public enum Digest {
    public static func sha256(_ bytes: some Collection<UInt8>) -> [UInt8] { hash(bytes, EVP_sha256()) }
    public static func md5(_ bytes: some Collection<UInt8>) -> [UInt8] { hash(bytes, EVP_md5()) }

    public static func sha256Hex(_ bytes: some Collection<UInt8>) -> String { Hex.encode(sha256(bytes)) }

    /// HMAC-SHA256 of `message` under `key`.
    public static func hmacSHA256(key: [UInt8], message: some Collection<UInt8>) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let data = Array(message)
        key.withUnsafeBufferPointer { keyBuffer in
            data.withUnsafeBufferPointer { messageBuffer in
                _ = HMAC(
                    EVP_sha256(), keyBuffer.baseAddress, Int32(keyBuffer.count), messageBuffer.baseAddress, messageBuffer.count, &out,
                    &length)
            }
        }
        return Array(out.prefix(Int(length)))
    }

    private static func hash(_ bytes: some Collection<UInt8>, _ type: OpaquePointer?) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let data = Array(bytes)
        data.withUnsafeBufferPointer { buffer in
            _ = EVP_Digest(buffer.baseAddress, buffer.count, &out, &length, type, nil)
        }
        return Array(out.prefix(Int(length)))
    }
}
