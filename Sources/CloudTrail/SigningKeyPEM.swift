#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// PEM armour (RFC 7468): base64 in 64-character lines between BEGIN/END lines. Text framing
/// only; the DER inside comes from libcrypto.
enum SigningKeyPEM {
    static func encode(_ der: [UInt8], label: String) -> [UInt8] {
        let base64 = Data(der).base64EncodedString()
        var text = "-----BEGIN \(label)-----\n"
        var index = base64.startIndex
        while index < base64.endIndex {
            let end = base64.index(index, offsetBy: 64, limitedBy: base64.endIndex) ?? base64.endIndex
            text += base64[index..<end] + "\n"
            index = end
        }
        text += "-----END \(label)-----\n"
        return Array(text.utf8)
    }

    static func decode(_ bytes: [UInt8], label: String) -> [UInt8]? {
        guard let begin = find(Array("-----BEGIN \(label)-----".utf8), in: bytes, from: 0),
            let end = find(Array("-----END \(label)-----".utf8), in: bytes, from: begin.upperBound)
        else { return nil }
        let body = String(decoding: bytes[begin.upperBound..<end.lowerBound], as: UTF8.self).filter { !$0.isWhitespace }
        return Data(base64Encoded: String(body)).map { Array($0) }
    }

    /// The first occurrence of `needle` in `haystack` at or after `start`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index..<(index + needle.count) }
        }
        return nil
    }
}
