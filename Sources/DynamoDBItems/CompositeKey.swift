/// Multi-attribute index keys as one binary key value whose unsigned byte order is DynamoDB's order of the
/// attributes compared left to right, each by its type (numbers numerically, strings and binaries by unsigned
/// bytes). The encoding is our proposal (AWS hashes the partition attributes together and sorts by the sort
/// attributes left to right, "Multi-attribute keys pattern", Amazon DynamoDB Developer Guide); it lets the
/// ordered store keep one sort value per entry.
///
/// Each component is self-delimiting (no component's bytes are a prefix of another's of the same type) and
/// starts with a byte in 0x01...0x03, never 0x00 or 0xFF:
/// - S and B: 0x01, the bytes with 0x00 written as 0x00 0xFF, then 0x00 0x01;
/// - N: 0x02 for zero; 0x03, the exponent + 32768 in two bytes, each digit + 1, then 0x00 for a positive
///   number; 0x01 and those bytes of the magnitude complemented (255 - b) for a negative one.
/// A sort key ends with one 0x00 after its components, so no condition's bound is ever a stored key.
public enum CompositeKey {
    /// The one key value of the values of a multi-attribute key side (partition or sort, `endMarker` for a sort).
    public static func value(of values: [KeyValue], endMarker: Bool) -> KeyValue {
        var bytes: [UInt8] = []
        for value in values { append(value, to: &bytes) }
        if endMarker { bytes.append(0x00) }
        return .binary(bytes)
    }

    /// The component values of an encoded key of these types, or nil when the bytes are not such a key.
    public static func components(of key: KeyValue, types: [ScalarType], endMarker: Bool) -> [KeyValue]? {
        guard case .binary(let bytes) = key else { return nil }
        var reader = ComponentReader(bytes: bytes)
        var values: [KeyValue] = []
        for type in types {
            guard let value = reader.read(type) else { return nil }
            values.append(value)
        }
        if endMarker { guard reader.next() == 0x00 else { return nil } }
        return reader.isAtEnd ? values : nil
    }

    /// The sort-key condition over encoded sort keys that selects equality on `prefix` (the first sort
    /// attributes, left to right) and `last` on the attribute after them.
    public static func sortCondition(prefix: [KeyValue], last: SortKeyCondition) -> SortKeyCondition {
        var start: [UInt8] = []
        for value in prefix { append(value, to: &start) }
        func encoded(_ value: KeyValue) -> [UInt8] { start + bytes(of: value) }
        let groupEnd = start + [0xFF]
        switch last {
        case .any: return prefix.isEmpty ? .any : .beginsWith(.binary(start))
        case .equal(let value): return .beginsWith(.binary(encoded(value)))
        case .less(let value): return .between(.binary(start), .binary(encoded(value)))
        case .lessOrEqual(let value): return .between(.binary(start), .binary(encoded(value) + [0xFF]))
        case .greater(let value): return .between(.binary(encoded(value) + [0xFF]), .binary(groupEnd))
        case .greaterOrEqual(let value): return .between(.binary(encoded(value)), .binary(groupEnd))
        case .between(let low, let high): return .between(.binary(encoded(low)), .binary(encoded(high) + [0xFF]))
        case .beginsWith(let value):
            switch value {
            case .string(let text): return .beginsWith(.binary(start + [0x01] + escaped(Array(text.utf8))))
            case .binary(let data): return .beginsWith(.binary(start + [0x01] + escaped(data)))
            case .number: return .beginsWith(.binary(start + [0xFF]))  // matches nothing: begins_with needs S or B
            }
        }
    }

    static func bytes(of value: KeyValue) -> [UInt8] {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return bytes
    }

    static func append(_ value: KeyValue, to bytes: inout [UInt8]) {
        switch value {
        case .string(let text):
            bytes.append(0x01)
            bytes += escaped(Array(text.utf8))
            bytes += [0x00, 0x01]
        case .binary(let data):
            bytes.append(0x01)
            bytes += escaped(data)
            bytes += [0x00, 0x01]
        case .number(let number):
            guard !number.digits.isEmpty else {
                bytes.append(0x02)
                return
            }
            let biased = UInt16(clamping: number.exponent + 32768)
            var magnitude: [UInt8] = [UInt8(biased >> 8), UInt8(biased & 0xFF)]
            magnitude += number.digits.map { $0 + 1 }
            magnitude.append(0x00)
            if number.isNegative {
                bytes.append(0x01)
                bytes += magnitude.map { 0xFF - $0 }
            } else {
                bytes.append(0x03)
                bytes += magnitude
            }
        }
    }

    static func escaped(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 2)
        for byte in data {
            out.append(byte)
            if byte == 0x00 { out.append(0xFF) }
        }
        return out
    }
}

/// Reads the components of an encoded multi-attribute key back, one typed value at a time.
struct ComponentReader {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position == bytes.count }

    mutating func next() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func read(_ type: ScalarType) -> KeyValue? {
        switch type {
        case .string:
            guard let data = readEscaped() else { return nil }
            return .string(String(decoding: data, as: UTF8.self))
        case .binary: return readEscaped().map(KeyValue.binary)
        case .number: return readNumber().map(KeyValue.number)
        }
    }

    private mutating func readEscaped() -> [UInt8]? {
        guard next() == 0x01 else { return nil }
        var data: [UInt8] = []
        while let byte = next() {
            guard byte == 0x00 else {
                data.append(byte)
                continue
            }
            switch next() {
            case 0xFF: data.append(0x00)
            case 0x01: return data
            default: return nil
            }
        }
        return nil
    }

    private mutating func readNumber() -> DynamoNumber? {
        guard let sign = next() else { return nil }
        if sign == 0x02 { return .zero }
        guard sign == 0x01 || sign == 0x03 else { return nil }
        let flip: (UInt8) -> UInt8 = sign == 0x01 ? { 0xFF - $0 } : { $0 }
        guard let high = next().map(flip), let low = next().map(flip) else { return nil }
        var digits: [UInt8] = []
        while let byte = next().map(flip) {
            if byte == 0x00 {
                guard let first = digits.first, first != 0 else { return nil }
                return DynamoNumber(isNegative: sign == 0x01, digits: digits, exponent: Int(high) << 8 + Int(low) - 32768)
            }
            guard byte <= 10 else { return nil }
            digits.append(byte - 1)
        }
        return nil
    }
}
