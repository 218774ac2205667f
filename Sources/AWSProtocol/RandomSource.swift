import Synchronization

/// Where randomness comes from, injected so ids and file names are reproducible in tests and `sample --seed`.
public protocol RandomSource: Sendable {
    func nextUInt64() -> UInt64
}

extension RandomSource {
    /// A uniform integer in `0..<upperBound` (upperBound > 0).
    public func next(below upperBound: Int) -> Int {
        precondition(upperBound > 0)
        return Int(nextUInt64() % UInt64(upperBound))
    }

    /// `count` characters drawn uniformly from `alphabet` (at most 256 symbols). One 64-bit draw yields
    /// several characters (rejection sampling keeps them uniform): a request id is 52 characters, and one
    /// draw each cost a system call per character with the system generator.
    public func string(count: Int, from alphabet: [Character]) -> String {
        precondition(!alphabet.isEmpty && alphabet.count <= 256)
        let size = UInt64(alphabet.count)
        // The largest power of `size` that fits in 64 bits, and how many digits it holds.
        var digits = 0
        var span: UInt64 = 1
        while span <= UInt64.max / size {
            span *= size
            digits += 1
        }
        var out: [Character] = []
        out.reserveCapacity(count)
        while out.count < count {
            var value = nextUInt64()
            guard value < (UInt64.max / span) * span else { continue }  // reject the biased tail
            value %= span
            for _ in 0..<min(digits, count - out.count) {
                out.append(alphabet[Int(value % size)])
                value /= size
            }
        }
        return String(out)
    }

    /// A random RFC 4122 version-4 UUID string, lowercase.
    public func uuid() -> String {
        let high = nextUInt64()
        let low = nextUInt64()
        var bytes = [UInt8](repeating: 0, count: 16)
        for j in 0..<8 {
            bytes[j] = UInt8(truncatingIfNeeded: high >> (8 * j))
            bytes[8 + j] = UInt8(truncatingIfNeeded: low >> (8 * j))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        // 8-4-4-4-12 hex digits, written once into one buffer.
        let hexDigits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
