/// A key attribute's value, ordered as DynamoDB orders sort keys: numbers numerically, strings by
/// their UTF-8 bytes and binaries by bytes, both unsigned ("Query" > Key condition expressions,
/// Amazon DynamoDB Developer Guide). Values of different types order by type (never met in one key).
public enum KeyValue: Sendable, Hashable, Comparable {
    case string(String)
    case number(DynamoNumber)
    case binary([UInt8])

    /// The key value of an attribute value of a scalar key type, else nil.
    public init?(_ value: AttributeValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .number(let number): self = .number(number)
        case .binary(let bytes): self = .binary(bytes)
        default: return nil
        }
    }

    public var attributeValue: AttributeValue {
        switch self {
        case .string(let text): return .string(text)
        case .number(let number): return .number(number)
        case .binary(let bytes): return .binary(bytes)
        }
    }

    public var type: ScalarType {
        switch self {
        case .string: return .string
        case .number: return .number
        case .binary: return .binary
        }
    }

    /// Size counted toward the key limits (2048 bytes partition, 1024 bytes sort).
    public var sizeInBytes: Int { attributeValue.sizeInBytes }

    public static func < (lhs: KeyValue, rhs: KeyValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let left), .string(let right)): return left.utf8.lexicographicallyPrecedes(right.utf8)
        case (.number(let left), .number(let right)): return left < right
        case (.binary(let left), .binary(let right)): return left.lexicographicallyPrecedes(right)
        default: return lhs.rank < rhs.rank
        }
    }

    private var rank: Int {
        switch self {
        case .string: return 0
        case .number: return 1
        case .binary: return 2
        }
    }

    /// A stable 64-bit hash (FNV-1a) of the value: the order of partitions in a Scan and the basis of
    /// parallel-scan segments. Our proposal: AWS's hash function is not public. It hashes a type byte
    /// (0 S, 1 N, 2 B) then the UTF-8 of the string, the number's text or the bytes, without copying them
    /// (partitions are found by it).
    public var partitionHash: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        switch self {
        case .string(let text):
            add(0)
            for byte in text.utf8 { add(byte) }
        case .number(let number):
            add(1)
            for byte in number.text.utf8 { add(byte) }
        case .binary(let bytes):
            add(2)
            for byte in bytes { add(byte) }
        }
        return hash
    }
}
