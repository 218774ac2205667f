/// Seeded mutations of real inputs for the fuzz tests: byte flips, insertions, deletions,
/// truncation, splicing with another corpus entry, deep nesting, huge numbers and odd unicode.
/// A value type (SplitMix64 state inline); each test owns its own, so runs repeat from the seed.
public struct FuzzMutator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (bound > 0).
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// True with probability 1/`oneIn`.
    public mutating func chance(_ oneIn: Int) -> Bool { below(oneIn) == 0 }

    /// Fragments that break parsers: deep nesting, huge and odd numbers, escapes, odd unicode,
    /// HTTP and query delimiters.
    public static let tokens: [[UInt8]] =
        [
            "[[[[[[[[[[[[[[[[", "{\"a\":{\"a\":{\"a\":{\"a\":", "]]]]", "}}}}", "1e999999999", "-0.0e-0",
            "123456789012345678901234567890123456789012345678901234567890", "\\u0000", "\\ud800", "\\udc00\\ud800",
            "\\u", "\\", "\"", "null", "true", "fals", "\u{FEFF}", "\u{202E}", "\u{10FFFF}", "é", "e\u{301}", "𝄞",
            "\r\n", "\n", "\r\n\r\n", ": ", "%", "%2", "%zz", "%00", "&", "=", "?", "/", "/../", "//", "%2F..%2F",
            "Transfer-Encoding: chunked\r\n", "Content-Length: 99999999999999999999\r\n", "Content-Length: -1\r\n",
            "Expect: 100-continue\r\n", "0\r\n\r\n", "ffffffffffffffff\r\n", "AWS4-HMAC-SHA256 ", "Credential=", ", ",
            "SignedHeaders=", "Signature=", "aws4_request", "X-Amz-Algorithm=AWS4-HMAC-SHA256", "\t", " ", ",",
        ].map { Array($0.utf8) } + [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], [0x80]]

    /// `input` with one to four mutations applied; `corpus` feeds splices.
    public mutating func mutate(_ input: [UInt8], corpus: [[UInt8]] = []) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) { mutateOnce(&bytes, corpus: corpus) }
        return bytes
    }

    private mutating func mutateOnce(_ bytes: inout [UInt8], corpus: [[UInt8]]) {
        let position = below(bytes.count + 1)
        switch below(10) {
        case 0 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] ^= UInt8(1 << below(8))
        case 1 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: next())
        case 2:
            bytes.insert(contentsOf: (0..<(1 + below(8))).map { _ in UInt8(truncatingIfNeeded: next()) }, at: position)
        case 3, 4:
            bytes.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: position)
        case 5 where !bytes.isEmpty:
            let end = min(bytes.count, position + 1 + below(16))
            bytes.removeSubrange(min(position, bytes.count - 1)..<end)
        case 6:
            bytes.removeSubrange(position...)
        case 7 where !corpus.isEmpty:
            let other = corpus[below(corpus.count)]
            let from = below(other.count + 1)
            bytes = Array(bytes[..<position]) + Array(other[from...])
        case 8 where !bytes.isEmpty:
            let start = min(position, bytes.count - 1)
            let chunk = Array(bytes[start..<min(bytes.count, start + 1 + below(32))])
            for _ in 0..<(1 + below(64)) { bytes.insert(contentsOf: chunk, at: start) }
        case 9:
            let depth = [100, 508, 509, 510, 511, 512, 513, 2000][below(8)]
            let open: [UInt8] = chance(2) ? Array(#"{"a":"#.utf8) : [UInt8(ascii: "[")]
            let close: [UInt8] = open.count == 1 ? [UInt8(ascii: "]")] : [UInt8(ascii: "}")]
            let nested =
                Array([[UInt8]](repeating: open, count: depth).joined()) + Array("1".utf8)
                + Array([[UInt8]](repeating: close, count: chance(8) ? depth / 2 : depth).joined())
            bytes.insert(contentsOf: nested, at: position)
        default:
            bytes.append(UInt8(truncatingIfNeeded: next()))
        }
    }

    /// `bytes` cut into random pieces of 1 to `maximum` bytes, for incremental parsers.
    public mutating func chunks(_ bytes: [UInt8], maximum: Int = 64) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + 1 + below(maximum))
            pieces.append(bytes[offset..<end])
            offset = end
        }
        return pieces
    }
}
