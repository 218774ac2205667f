import CZlib

/// gzip compression through zlib, producing exactly one gzip member per call.
///
/// The awscli validator inflates with `MAX_WBITS|16` and silently ignores any member after the
/// first (awscli `validation.py`; verified by running `validate-logs`), so every log file must be a
/// single member: one `deflateInit2`
/// with windowBits 15+16, one `Z_FINISH`.
public enum Gzip {
    /// Why zlib refused.
    public struct Failure: Error, Equatable, Sendable {
        public let code: Int32
        public let reason: String
    }

    /// Compresses `bytes` into a single gzip member.
    public static func compress(_ bytes: [UInt8], level: Int32 = Z_DEFAULT_COMPRESSION) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        let initStatus = deflateInit2_(
            &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else { throw Failure(code: initStatus, reason: "deflateInit2 failed") }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(bytes.count)))
        var output = [UInt8](repeating: 0, count: bound + 64)
        var input = bytes
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw Failure(code: status, reason: "deflate did not finish") }
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }

    /// Decompresses exactly one gzip member; trailing bytes after it are an error, so a reader
    /// (or test) that succeeds here has proved the file is a single member.
    public static func decompress(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        let initStatus = inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else { throw Failure(code: initStatus, reason: "inflateInit2 failed") }
        defer { inflateEnd(&stream) }
        var input = bytes
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        var leftover = 0
        input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return outBuf.count - Int(stream.avail_out)
                }
                result.append(contentsOf: chunk[0..<produced])
            } while status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
            leftover = Int(stream.avail_in)
        }
        guard status == Z_STREAM_END else { throw Failure(code: status, reason: "truncated or corrupt gzip data") }
        guard leftover == 0 else { throw Failure(code: Z_DATA_ERROR, reason: "\(leftover) bytes after the first gzip member") }
        return result
    }
}

/// Decompresses a single-member gzip file (for tests and readers of delivered log files).
public func gunzip(_ bytes: [UInt8]) throws(Gzip.Failure) -> [UInt8] { try Gzip.decompress(bytes) }
