import CZlib

/// IEEE CRC-32 (zlib's), as DynamoDB sends it in `x-amz-crc32`.
public enum CRC32 {
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }
}
