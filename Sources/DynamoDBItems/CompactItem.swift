/// An item packed into one contiguous byte buffer: how the store keeps items, so that a stored item costs
/// one allocation of about its size instead of a dictionary, a string per long name and an array per number.
/// Our proposal (DynamoDB's internal format is not public). Decoded on read; the format is below.
///
/// Format: a varint attribute count, then per attribute its name (varint byte length, UTF-8) and its value.
/// A value is a `CompactItem.Tag` byte then: `S`/`B` a varint length and the bytes; `N` a packed number
/// (varint of digit count × 2 + sign, then, for non-zero numbers, the zig-zag varint exponent and the digits
/// two per byte, high nibble first); `M` a varint count of (name, value); `L` a varint count of values;
/// `SS`/`BS` a varint count of length-prefixed members; `NS` a varint count of packed numbers; `BOOL` and
/// `NULL` the tag alone. Varints are little-endian base 128. Sets keep their members' order.
public struct CompactItem: Sendable, Hashable {
    /// The encoded bytes, exactly as many as the item needs.
    public let bytes: [UInt8]

    /// The value types as tag bytes. Closed: a buffer with any other tag is corrupt.
    enum Tag: UInt8 {
        case string = 0
        case number = 1
        case binary = 2
        case boolFalse = 3
        case boolTrue = 4
        case null = 5
        case map = 6
        case list = 7
        case stringSet = 8
        case numberSet = 9
        case binarySet = 10
    }

    /// Nesting the decoder follows at most: far above DynamoDB's 32 levels, low enough that a corrupt
    /// buffer cannot exhaust the stack.
    static let maximumDepth = 128

    /// Packs `item`.
    public init(_ item: Item) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.encodedSize(of: item))
        Self.append(item, to: &bytes)
        self.bytes = bytes
    }

    /// Takes `bytes` as an encoded item if they decode completely; nil for a corrupt or truncated buffer.
    public init?(bytes: [UInt8]) {
        guard Self.decode(bytes) != nil else { return nil }
        self.bytes = bytes
    }

    /// The item. A buffer made by `init(_:)` always decodes; were it ever corrupt, the item reads as empty
    /// rather than stopping the process.
    public var item: Item { Self.decode(bytes) ?? [:] }

    /// The item `bytes` encode, or nil when they are corrupt, truncated or followed by extra bytes.
    public static func decode(_ bytes: [UInt8]) -> Item? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = CompactItemReader(buffer)
            guard let item = reader.readMap(depth: 0), reader.isAtEnd else { return nil }
            return item
        }
    }
}
