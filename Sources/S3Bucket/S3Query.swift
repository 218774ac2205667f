/// Splits and decodes an S3 query string: `&`-separated, `=` optional (`?location` has no value),
/// percent-decoded, `+` read as a space as in form encoding.
public enum S3Query {
    public static func parse(_ rawQuery: String) -> [(name: String, value: String)] {
        rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts.first.map(decodeComponent) ?? ""
            let value = parts.count > 1 ? decodeComponent(parts[1]) : ""
            return (name, value)
        }
    }

    static func decodeComponent(_ text: Substring) -> String {
        String(decoding: percentDecode(text, plusAsSpace: true), as: UTF8.self)
    }

    /// `%XX` sequences to bytes (and `+` to a space when asked); malformed sequences are kept as written.
    static func percentDecode(_ text: Substring, plusAsSpace: Bool = false) -> [UInt8] {
        var bytes = Array(text.utf8)
        if plusAsSpace {
            for i in bytes.indices where bytes[i] == UInt8(ascii: "+") { bytes[i] = UInt8(ascii: " ") }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
