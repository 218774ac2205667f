import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The two time formats of digests, locale-free (via `UTCTime`/`UTCCalendar`).
public enum DigestTime {
    /// `YYYY-MM-DDTHH:MM:SSZ`: `digestStartTime`, `digestEndTime`, event times.
    public static func iso(_ date: Date) -> String { UTCTime(date).iso8601 }

    /// `YYYYMMDDTHHMMSSZ`: the digest file-name stamp.
    public static func stamp(_ date: Date) -> String {
        let iso = Array(UTCTime(date).iso8601)
        return String(iso.filter { $0 != "-" && $0 != ":" })
    }

    /// Parses `YYYYMMDDTHHMMSSZ`.
    public static func parseStamp(_ text: String) -> Date? {
        let chars = Array(text.utf8)
        guard chars.count == 16, chars[8] == UInt8(ascii: "T"), chars[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for c in chars[range] {
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard let y = number(0..<4), let mo = number(4..<6), let d = number(6..<8), let h = number(9..<11),
            let mi = number(11..<13), let s = number(13..<15)
        else { return nil }
        return make(y, mo, d, h, mi, s)
    }

    /// Parses the ISO 8601 forms users and digests write: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]`
    /// followed by `Z`, `±HH:MM` or nothing (UTC), also with a space instead of `T`.
    public static func parseISO(_ text: String) -> Date? {
        let chars = Array(text.trimmingSpaces().utf8)
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= chars.count else { return nil }
            var value = 0
            for c in chars[index..<(index + count)] {
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            index += count
            return value
        }
        func expect(_ c: Character) -> Bool {
            guard index < chars.count, chars[index] == c.asciiValue else { return false }
            index += 1
            return true
        }
        guard let y = digits(4), expect("-"), let mo = digits(2), expect("-"), let d = digits(2) else { return nil }
        var h = 0
        var mi = 0
        var s = 0
        var fraction = 0.0
        if index < chars.count, chars[index] == UInt8(ascii: "T") || chars[index] == UInt8(ascii: " ") {
            index += 1
            guard let hh = digits(2), expect(":"), let mm = digits(2) else { return nil }
            h = hh
            mi = mm
            if expect(":") {
                guard let ss = digits(2) else { return nil }
                s = ss
                if expect(".") {
                    let start = index
                    while index < chars.count, chars[index] >= 48, chars[index] <= 57 { index += 1 }
                    guard index > start else { return nil }
                    fraction = Double("0." + String(decoding: chars[start..<index], as: UTF8.self)) ?? 0
                }
            }
        }
        var offset = 0
        if index < chars.count {
            if expect("Z") {
            } else if chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-") {
                let sign = chars[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
                guard let oh = digits(2) else { return nil }
                _ = expect(":")
                guard let om = digits(2) else { return nil }
                offset = sign * (oh * 3600 + om * 60)
            } else {
                return nil
            }
        }
        guard index == chars.count, let date = make(y, mo, d, h, mi, s) else { return nil }
        return date.addingTimeInterval(fraction - Double(offset))
    }

    private static func make(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> Date? {
        guard (1...12).contains(mo), (1...31).contains(d), (0...23).contains(h), (0...59).contains(mi), (0...60).contains(s)
        else { return nil }
        // Out-of-range days (Feb 31) and second 60 carry over, as `timegm` did.
        let seconds = UTCCalendar.epochSeconds(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
        return Date(timeIntervalSince1970: Double(seconds))
    }
}
