import Synchronization

/// The system's cryptographically secure generator, drawn from in blocks: one system call per 64
/// values instead of one per value (observed: the per-value calls were about 2% of a DescribeTable's
/// CPU, perf). Isolation: the block sits in a process-wide `Mutex`.
public struct SystemRandomSource: RandomSource {
    public init() {}

    public func nextUInt64() -> UInt64 {
        Self.pool.withLock { pool in pool.next() }
    }

    /// Values not handed out yet, refilled from `SystemRandomNumberGenerator` when empty.
    private struct Pool {
        static let blockSize = 64
        var values = [UInt64](repeating: 0, count: Pool.blockSize)
        var used = Pool.blockSize

        mutating func next() -> UInt64 {
            if used == values.count {
                var generator = SystemRandomNumberGenerator()
                values.withUnsafeMutableBytes { buffer in
                    for offset in stride(from: 0, to: buffer.count, by: 8) {
                        buffer.storeBytes(of: generator.next(), toByteOffset: offset, as: UInt64.self)
                    }
                }
                used = 0
            }
            defer { used += 1 }
            return values[used]
        }
    }

    private static let pool = Mutex(Pool())
}
