/// Finds the byte ranges of the elements of a log file's top-level `Records` array without
/// re-serialising anything, so `dynamotrail events --json` prints each record exactly as delivered.
/// It only skips over values (strings with escapes, nesting); each slice is parsed on its own later.
enum LogRecordSplitter {
    /// The ranges of `{"Records":[ … ]}`'s elements; nil when the body is not shaped like that.
    /// A body that ends inside the `Records` array (a truncated file) keeps the elements that are
    /// complete, with `isTruncated` set.
    static func records(in body: [UInt8]) -> (ranges: [Range<Int>], isTruncated: Bool)? {
        var index = skipSpace(body, 0)
        guard index < body.count, body[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var found: [Range<Int>]? = nil
        while true {
            index = skipSpace(body, index)
            guard index < body.count else { return nil }
            if body[index] == UInt8(ascii: "}") { break }
            if body[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard body[index] == UInt8(ascii: "\""), let keyEnd = skipString(body, index) else { return nil }
            let key = body[(index + 1)..<(keyEnd - 1)]
            index = skipSpace(body, keyEnd)
            guard index < body.count, body[index] == UInt8(ascii: ":") else { return nil }
            index = skipSpace(body, index + 1)
            if key.elementsEqual("Records".utf8), index < body.count, body[index] == UInt8(ascii: "[") {
                let (ranges, end) = elements(body, index)
                guard let end else { return (ranges, true) }
                found = ranges
                index = end
            } else {
                guard let end = skipValue(body, index) else { return nil }
                index = end
            }
        }
        return found.map { ($0, false) }
    }

    /// The element ranges of the array opening at `start`, and the index after its `]` (nil when
    /// the body ends first or an element cannot be framed: the ranges are those before it).
    private static func elements(_ body: [UInt8], _ start: Int) -> ([Range<Int>], Int?) {
        var ranges: [Range<Int>] = []
        var index = start + 1
        while true {
            index = skipSpace(body, index)
            guard index < body.count else { return (ranges, nil) }
            switch body[index] {
            case UInt8(ascii: "]"): return (ranges, index + 1)
            case UInt8(ascii: ","): index += 1
            default:
                guard let end = skipValue(body, index) else { return (ranges, nil) }
                ranges.append(index..<end)
                index = end
            }
        }
    }

    /// The index just after the JSON value starting at `start`.
    private static func skipValue(_ body: [UInt8], _ start: Int) -> Int? {
        guard start < body.count else { return nil }
        switch body[start] {
        case UInt8(ascii: "\""):
            return skipString(body, start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var index = start
            while index < body.count {
                switch body[index] {
                case UInt8(ascii: "\""):
                    guard let end = skipString(body, index) else { return nil }
                    index = end
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default: break
                }
                index += 1
            }
            return nil
        default:
            var index = start
            while index < body.count {
                switch body[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D:
                    return index > start ? index : nil
                default: index += 1
                }
            }
            return index > start ? index : nil
        }
    }

    /// The index just after the string whose opening quote is at `start`.
    private static func skipString(_ body: [UInt8], _ start: Int) -> Int? {
        var index = start + 1
        while index < body.count {
            switch body[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return nil
    }

    private static func skipSpace(_ body: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < body.count, [0x20, 0x09, 0x0A, 0x0D].contains(body[index]) { index += 1 }
        return index
    }
}
