/// The percent-encoding rules of SigV4: RFC 3986 unreserved characters (`A-Za-z0-9-_.~`) stay, every
/// other byte becomes `%XX` with uppercase hex. Decoding leaves malformed escapes as they are.
public enum SigV4Encoding {
    private static let upperHex = Array("0123456789ABCDEF".utf8)

    /// True for the RFC 3986 unreserved bytes.
    static func isUnreserved(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 45 || c == 46 || c == 95
            || c == 126
    }

    /// Encodes every byte except the unreserved ones (and `/` when `keepSlash`).
    public static func encode(_ bytes: some Sequence<UInt8>, keepSlash: Bool = false) -> String {
        var out: [UInt8] = []
        for c in bytes {
            if isUnreserved(c) || (keepSlash && c == 47) {
                out.append(c)
            } else {
                out.append(37)
                out.append(upperHex[Int(c >> 4)])
                out.append(upperHex[Int(c & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func encode(_ text: String, keepSlash: Bool = false) -> String {
        encode(text.utf8, keepSlash: keepSlash)
    }

    /// Decodes `%XX` escapes to bytes; `+` stays `+` (SigV4 is not form encoding). Malformed escapes are kept.
    public static func percentDecodeBytes(_ text: Substring) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 37, i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    public static func percentDecode(_ text: Substring) -> String {
        String(decoding: percentDecodeBytes(text), as: UTF8.self)
    }

    /// Splits a raw query on `&` into raw (still encoded) name/value pairs; empty pieces are skipped.
    static func queryPairs(_ rawQuery: String) -> [(Substring, Substring)] {
        rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { piece in
            if let eq = piece.firstIndex(of: "=") {
                return (piece[..<eq], piece[piece.index(after: eq)...])
            }
            return (piece, piece[piece.endIndex...])
        }
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 65...70: return c - 55
        case 97...102: return c - 87
        default: return nil
        }
    }
}
