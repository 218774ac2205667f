/// Reads `CompactItem`'s format from a byte buffer, checking every length, count, tag, digit and UTF-8
/// sequence against the bytes left, so a corrupt buffer yields nil and never a trap. A value used within
/// one call (it borrows the buffer).
struct CompactItemReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    private var remaining: Int { bytes.count - offset }

    mutating func readByte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A varint of at most 9 bytes (63 bits), so it always fits a non-negative `Int`.
    mutating func readVarint() -> Int? {
        var value = 0
        var shift = 0
        while shift < 63 {
            guard let byte = readByte() else { return nil }
            value |= Int(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    /// A count of elements that each take at least one byte: never more than the bytes left.
    mutating func readCount() -> Int? {
        guard let count = readVarint(), count <= remaining else { return nil }
        return count
    }

    mutating func readBlob() -> [UInt8]? {
        guard let count = readCount() else { return nil }
        defer { offset += count }
        return Array(UnsafeBufferPointer(rebasing: bytes[offset..<offset + count]))
    }

    mutating func readString() -> String? {
        guard let count = readCount() else { return nil }
        defer { offset += count }
        return String(validating: UnsafeBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
    }

    mutating func readNumber() -> DynamoNumber? {
        guard let header = readVarint() else { return nil }
        let digitCount = header >> 1
        guard digitCount > 0 else { return header == 0 ? .zero : nil }
        guard let zigZag = readVarint(), (digitCount + 1) / 2 <= remaining else { return nil }
        let exponent = (zigZag >> 1) ^ -(zigZag & 1)
        var digits = [UInt8](repeating: 0, count: digitCount)
        for index in 0..<digitCount {
            let byte = bytes[offset + index / 2]
            let digit = index % 2 == 0 ? byte >> 4 : byte & 0x0f
            guard digit <= 9 else { return nil }
            digits[index] = digit
        }
        offset += (digitCount + 1) / 2
        guard digits.first != 0, digits.last != 0 else { return nil }
        return DynamoNumber(isNegative: header & 1 == 1, digits: digits, exponent: exponent)
    }

    /// Steps over a key value (`S`, `N` or `B`) or the NULL tag without decoding it; false when corrupt.
    mutating func skipKeyValue() -> Bool {
        guard let byte = readByte(), let tag = CompactItem.Tag(rawValue: byte) else { return false }
        switch tag {
        case .null: return true
        case .string, .binary:
            guard let count = readCount() else { return false }
            offset += count
            return true
        case .number:
            guard let header = readVarint() else { return false }
            let packedBytes = ((header >> 1) + 1) / 2
            guard packedBytes > 0 else { return header == 0 }
            guard readVarint() != nil, packedBytes <= remaining else { return false }
            offset += packedBytes
            return true
        default: return false
        }
    }

    /// A count then that many (name, value) pairs: an item at the top level, a map inside.
    mutating func readMap(depth: Int) -> [String: AttributeValue]? {
        guard depth <= CompactItem.maximumDepth, let count = readCount() else { return nil }
        var members: [String: AttributeValue] = [:]
        members.reserveCapacity(count)
        for _ in 0..<count {
            guard let name = readString(), let value = readValue(depth: depth + 1), members.updateValue(value, forKey: name) == nil
            else { return nil }
        }
        return members
    }

    mutating func readValue(depth: Int) -> AttributeValue? {
        guard let byte = readByte(), let tag = CompactItem.Tag(rawValue: byte) else { return nil }
        switch tag {
        case .string: return readString().map(AttributeValue.string)
        case .number: return readNumber().map(AttributeValue.number)
        case .binary: return readBlob().map(AttributeValue.binary)
        case .boolFalse: return .bool(false)
        case .boolTrue: return .bool(true)
        case .null: return .null
        case .map: return readMap(depth: depth).map(AttributeValue.map)
        case .list:
            guard depth <= CompactItem.maximumDepth else { return nil }
            return readElements { $0.readValue(depth: depth + 1) }.map(AttributeValue.list)
        case .stringSet: return readElements { $0.readString() }.map(AttributeValue.stringSet)
        case .numberSet: return readElements { $0.readNumber() }.map(AttributeValue.numberSet)
        case .binarySet: return readElements { $0.readBlob() }.map(AttributeValue.binarySet)
        }
    }

    /// A count then that many elements read by `readElement`.
    private mutating func readElements<Element>(_ readElement: (inout CompactItemReader) -> Element?) -> [Element]? {
        guard let count = readCount() else { return nil }
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count {
            guard let element = readElement(&self) else { return nil }
            elements.append(element)
        }
        return elements
    }
}
