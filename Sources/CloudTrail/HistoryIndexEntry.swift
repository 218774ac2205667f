/// One event of the history's compact index: what LookupEvents filters and sorts on, as pool ids
/// and numbers, and where the record's bytes sit in `HistoryRecordStore` (72 bytes, against 1-2 KB
/// for the rendered record it stands for).
struct HistoryIndexEntry {
    /// Epoch seconds, as in the record's `eventTime`.
    var eventTime: Int64
    /// Arrival order; breaks ties between events of the same second (newer = larger).
    var sequence: UInt64
    /// `eventID` as a packed UUID, or (`idPooled`) its text pool id in `idLow`: see `eventID`.
    private var idHigh: UInt64
    private var idLow: UInt64
    var eventName: UInt32
    var eventSource: UInt32
    var accessKeyId: UInt32
    var username: UInt32
    var userArn: UInt32
    var errorCode: UInt32
    /// The id of `[account, region]` in the list pool.
    var place: UInt32
    /// The id of the flattened `[type, name, type, name …]` resource list in the list pool.
    var resources: UInt32
    /// Where the record's bytes are: the block and the record's slot in it.
    var block: UInt32
    var slot: UInt16
    var readOnly: Bool
    private var idPooled: Bool

    init(
        eventTime: Int64, sequence: UInt64, eventID: HistoryEventID, eventName: UInt32, eventSource: UInt32,
        accessKeyId: UInt32, username: UInt32, userArn: UInt32, errorCode: UInt32, place: UInt32, resources: UInt32,
        block: UInt32, slot: UInt16, readOnly: Bool
    ) {
        self.eventTime = eventTime
        self.sequence = sequence
        switch eventID {
        case .uuid(let high, let low): (idHigh, idLow, idPooled) = (high, low, false)
        case .pooled(let id): (idHigh, idLow, idPooled) = (0, UInt64(id), true)
        }
        (self.eventName, self.eventSource, self.accessKeyId, self.username) = (eventName, eventSource, accessKeyId, username)
        (self.userArn, self.errorCode, self.place, self.resources) = (userArn, errorCode, place, resources)
        (self.block, self.slot, self.readOnly) = (block, slot, readOnly)
    }

    /// The event's id.
    var eventID: HistoryEventID {
        idPooled ? .pooled(UInt32(truncatingIfNeeded: idLow)) : .uuid(idHigh, idLow)
    }

    /// The (eventTime, sequence) order lookups walk.
    func precedes(_ cursor: HistoryCursor) -> Bool {
        (eventTime, sequence) < (cursor.eventTime, cursor.sequence)
    }
}

/// An `eventID` in 16 bytes when it is a canonical lowercase UUID (what the recorder draws), else
/// the id of its text in the history's text pool.
enum HistoryEventID: Hashable {
    case uuid(UInt64, UInt64)
    case pooled(UInt32)

    /// The packed UUID of `text`, or nil when it is not 8-4-4-4-12 lowercase hex digits.
    static func packed(_ text: String) -> HistoryEventID? {
        if let packed = text.utf8.withContiguousStorageIfAvailable(Self.packed) { return packed }
        return Array(text.utf8).withUnsafeBufferPointer(Self.packed)
    }

    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> HistoryEventID? {
        guard bytes.count == 36 else { return nil }
        var words: (UInt64, UInt64) = (0, 0)
        var nibbles = 0
        for (offset, byte) in bytes.enumerated() {
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let nibble: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = UInt64(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
            if nibbles < 16 { words.0 = words.0 << 4 | nibble } else { words.1 = words.1 << 4 | nibble }
            nibbles += 1
        }
        return .uuid(words.0, words.1)
    }

    /// The canonical text of a packed UUID.
    static func text(high: UInt64, low: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for index in 0..<32 {
            if index == 8 || index == 12 || index == 16 || index == 20 { text.append(UInt8(ascii: "-")) }
            let word = index < 16 ? high : low
            let shift = UInt64(60 - 4 * (index % 16))
            text.append(digits[Int((word >> shift) & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
