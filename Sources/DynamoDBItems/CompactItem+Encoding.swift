/// Writing the compact form: a sizing pass first, so the buffer is allocated once at its exact size.
extension CompactItem {
    static func varintSize(_ value: Int) -> Int {
        var remaining = UInt(bitPattern: value) >> 7
        var size = 1
        while remaining != 0 {
            remaining >>= 7
            size += 1
        }
        return size
    }

    static func appendVarint(_ value: Int, to bytes: inout [UInt8]) {
        var remaining = UInt(bitPattern: value)
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    /// Zig-zag: small negative and positive exponents both take one byte.
    static func zigZag(_ value: Int) -> Int { (value << 1) ^ (value >> (Int.bitWidth - 1)) }

    static func encodedSize(name: String) -> Int {
        let count = name.utf8.count
        return varintSize(count) + count
    }

    static func encodedSize(bytes count: Int) -> Int { varintSize(count) + count }

    static func encodedSize(of number: DynamoNumber) -> Int {
        let header = varintSize(number.digits.count << 1)
        guard !number.isZero else { return header }
        return header + varintSize(zigZag(number.exponent)) + (number.digits.count + 1) / 2
    }

    /// The bytes `item` takes: its attribute count, names and values.
    static func encodedSize(of item: Item) -> Int {
        item.reduce(varintSize(item.count)) { $0 + encodedSize(name: $1.key) + encodedSize(of: $1.value) }
    }

    /// Appends `item`: its attribute count, then each name and value.
    static func append(_ item: Item, to bytes: inout [UInt8]) {
        appendVarint(item.count, to: &bytes)
        for (name, value) in item {
            append(name: name, to: &bytes)
            append(value, to: &bytes)
        }
    }

    /// The bytes `value` takes, its tag included.
    static func encodedSize(of value: AttributeValue) -> Int {
        switch value {
        case .string(let text): return 1 + encodedSize(bytes: text.utf8.count)
        case .number(let number): return 1 + encodedSize(of: number)
        case .binary(let bytes): return 1 + encodedSize(bytes: bytes.count)
        case .bool, .null: return 1
        case .map(let members):
            return members.reduce(1 + varintSize(members.count)) { $0 + encodedSize(name: $1.key) + encodedSize(of: $1.value) }
        case .list(let elements): return elements.reduce(1 + varintSize(elements.count)) { $0 + encodedSize(of: $1) }
        case .stringSet(let members): return members.reduce(1 + varintSize(members.count)) { $0 + encodedSize(bytes: $1.utf8.count) }
        case .numberSet(let members): return members.reduce(1 + varintSize(members.count)) { $0 + encodedSize(of: $1) }
        case .binarySet(let members): return members.reduce(1 + varintSize(members.count)) { $0 + encodedSize(bytes: $1.count) }
        }
    }

    static func append(name: String, to bytes: inout [UInt8]) {
        appendVarint(name.utf8.count, to: &bytes)
        bytes.append(contentsOf: name.utf8)
    }

    static func append(blob: [UInt8], to bytes: inout [UInt8]) {
        appendVarint(blob.count, to: &bytes)
        bytes.append(contentsOf: blob)
    }

    static func append(_ number: DynamoNumber, to bytes: inout [UInt8]) {
        appendVarint(number.digits.count << 1 | (number.isNegative ? 1 : 0), to: &bytes)
        guard !number.isZero else { return }
        appendVarint(zigZag(number.exponent), to: &bytes)
        var index = 0
        while index < number.digits.count {
            let low = index + 1 < number.digits.count ? number.digits[index + 1] : 0
            bytes.append(number.digits[index] << 4 | low)
            index += 2
        }
    }

    /// Appends `value`: its tag, then its contents.
    static func append(_ value: AttributeValue, to bytes: inout [UInt8]) {
        switch value {
        case .string(let text):
            bytes.append(Tag.string.rawValue)
            append(name: text, to: &bytes)
        case .number(let number):
            bytes.append(Tag.number.rawValue)
            append(number, to: &bytes)
        case .binary(let blob):
            bytes.append(Tag.binary.rawValue)
            append(blob: blob, to: &bytes)
        case .bool(let flag): bytes.append(flag ? Tag.boolTrue.rawValue : Tag.boolFalse.rawValue)
        case .null: bytes.append(Tag.null.rawValue)
        case .map(let members):
            bytes.append(Tag.map.rawValue)
            appendVarint(members.count, to: &bytes)
            for (name, member) in members {
                append(name: name, to: &bytes)
                append(member, to: &bytes)
            }
        case .list(let elements):
            bytes.append(Tag.list.rawValue)
            appendVarint(elements.count, to: &bytes)
            for element in elements { append(element, to: &bytes) }
        case .stringSet(let members):
            bytes.append(Tag.stringSet.rawValue)
            appendVarint(members.count, to: &bytes)
            for member in members { append(name: member, to: &bytes) }
        case .numberSet(let members):
            bytes.append(Tag.numberSet.rawValue)
            appendVarint(members.count, to: &bytes)
            for member in members { append(member, to: &bytes) }
        case .binarySet(let members):
            bytes.append(Tag.binarySet.rawValue)
            appendVarint(members.count, to: &bytes)
            for member in members { append(blob: member, to: &bytes) }
        }
    }
}
