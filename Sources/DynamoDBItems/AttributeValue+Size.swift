/// Item size as DynamoDB counts it toward the 400 KB limit and capacity units: "Item sizes and
/// formats", Amazon DynamoDB Developer Guide
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html).
extension AttributeValue {
    /// The value's size in bytes: strings by UTF-8 length, binaries by raw length, numbers one byte per
    /// two significant digits plus one, BOOL and NULL one byte, lists and maps 3 bytes plus one byte
    /// per element plus their contents (map member names included), sets the sum of their members.
    public var sizeInBytes: Int {
        switch self {
        case .string(let value): return value.utf8.count
        case .number(let value): return value.sizeInBytes
        case .binary(let value): return value.count
        case .bool, .null: return 1
        case .map(let members): return 3 + members.reduce(0) { $0 + 1 + $1.key.utf8.count + $1.value.sizeInBytes }
        case .list(let elements): return 3 + elements.reduce(0) { $0 + 1 + $1.sizeInBytes }
        case .stringSet(let members): return members.reduce(0) { $0 + $1.utf8.count }
        case .numberSet(let members): return members.reduce(0) { $0 + $1.sizeInBytes }
        case .binarySet(let members): return members.reduce(0) { $0 + $1.count }
        }
    }

    /// The largest item DynamoDB stores: 400 KB (409,600 bytes), names and values included.
    public static let maximumItemSize = 400 * 1024

    /// An item's size: each attribute's name in UTF-8 plus its value.
    public static func size(of item: Item) -> Int {
        item.reduce(0) { $0 + $1.key.utf8.count + $1.value.sizeInBytes }
    }

    /// Throws AWS's message when `item` is over 400 KB.
    public static func checkSize(of item: Item) throws(ItemError) {
        if size(of: item) > maximumItemSize { throw .validation("Item size has exceeded the maximum allowed size") }
    }
}

extension DynamoNumber {
    /// One byte per two significant digits, plus one (the guide's approximation; zero takes one byte).
    public var sizeInBytes: Int { (digits.count + 1) / 2 + 1 }
}
