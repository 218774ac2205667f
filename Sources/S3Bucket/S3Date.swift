#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The two date forms S3 writes: ISO 8601 with milliseconds in listings (`2026-11-24T12:00:00.000Z`)
/// and RFC 1123 in `Last-Modified` (`Tue, 24 Nov 2026 12:00:00 GMT`). Whole seconds, as S3 stores them.
enum S3Date {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func iso8601(_ date: Date) -> String {
        let t = fields(date)
        return "\(pad(t.tm_year + 1900, 4))-\(pad(t.tm_mon + 1, 2))-\(pad(t.tm_mday, 2))T\(pad(t.tm_hour, 2)):\(pad(t.tm_min, 2)):\(pad(t.tm_sec, 2)).000Z"
    }

    static func rfc1123(_ date: Date) -> String {
        let t = fields(date)
        let weekday = weekdays[Int(t.tm_wday) % 7]
        let month = months[Int(t.tm_mon) % 12]
        return "\(weekday), \(pad(t.tm_mday, 2)) \(month) \(pad(t.tm_year + 1900, 4)) \(pad(t.tm_hour, 2)):\(pad(t.tm_min, 2)):\(pad(t.tm_sec, 2)) GMT"
    }

    /// Broken-down UTC time; dates outside years 1-9999 are clamped first (sidecars are bounded already).
    private static func fields(_ date: Date) -> tm {
        let seconds = min(max(date.timeIntervalSince1970, -62_135_596_800), 253_402_300_799).rounded(.down)
        var time = time_t(seconds)
        var out = tm()
        gmtime_r(&time, &out)
        return out
    }

    private static func pad(_ value: Int32, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
