/// Base64 as DynamoDB's JSON protocol carries binary values (RFC 4648 standard alphabet, padded),
/// with the SerializationException texts Coral's decoder gives for bad input. The texts are Unverified
/// against AWS (the newest texts the dynalite emulator records from DynamoDB, Java 11 era: the reason alone,
/// without the older `'…' can not be converted to a Blob: ` prefix).
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let table: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = Int8(index) }
        return table
    }()

    /// The padded standard encoding.
    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] { output.append(alphabet[Int((chunk >> UInt32(shift)) & 63)]) }
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            let chunk = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
            output.append(alphabet[Int((chunk >> 18) & 63)])
            output.append(alphabet[Int((chunk >> 12) & 63)])
            output.append(rest == 2 ? alphabet[Int((chunk >> 6) & 63)] : UInt8(ascii: "="))
            output.append(UInt8(ascii: "="))
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes `text`, or throws the SerializationException DynamoDB answers for it.
    public static func decode(_ text: String) throws(ItemError) -> [UInt8] {
        let bytes = Array(text.utf8)
        func refuse(_ reason: String) -> ItemError {
            .serialization(reason)
        }
        guard bytes.count % 4 == 0 else {
            throw refuse("Base64 encoded length is expected a multiple of 4 bytes but found: \(bytes.count)")
        }
        let padding = bytes.reversed().prefix(while: { $0 == UInt8(ascii: "=") }).count
        for (position, byte) in bytes.enumerated() {
            let isPad = byte == UInt8(ascii: "=") && position >= bytes.count - min(padding, 2)
            if !isPad && table[Int(byte)] < 0 {
                let character = String(decoding: [byte], as: UTF8.self)
                throw refuse("Invalid Base64 character: '\(byte < 0x80 ? character : "?")'")
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 4 * 3)
        var index = 0
        while index < bytes.count {
            let quad = bytes[index..<index + 4].map { $0 == UInt8(ascii: "=") ? 0 : UInt32(table[Int($0)]) }
            let chunk = quad[0] << 18 | quad[1] << 12 | quad[2] << 6 | quad[3]
            let pads = index + 4 == bytes.count ? min(padding, 2) : 0
            if pads == 2 && chunk & 0xFFFF != 0 || pads == 1 && chunk & 0xFF != 0 {
                throw refuse("Invalid last non-pad Base64 character dectected")
            }
            output.append(UInt8(chunk >> 16))
            if pads < 2 { output.append(UInt8((chunk >> 8) & 0xFF)) }
            if pads < 1 { output.append(UInt8(chunk & 0xFF)) }
            index += 4
        }
        return output
    }
}
