import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The two date forms S3 writes: ISO 8601 with milliseconds in listings (`2026-11-24T12:00:00.000Z`)
/// and RFC 1123 in `Last-Modified` (`Tue, 24 Nov 2026 12:00:00 GMT`). Whole seconds, as S3 stores them.
enum S3Date {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func iso8601(_ date: Date) -> String {
        let t = fields(date)
        return "\(pad(t.year, 4))-\(pad(t.month, 2))-\(pad(t.day, 2))T\(pad(t.hour, 2)):\(pad(t.minute, 2)):\(pad(t.second, 2)).000Z"
    }

    static func rfc1123(_ date: Date) -> String {
        let t = fields(date)
        let weekday = weekdays[t.weekday % 7]
        let month = months[(t.month - 1) % 12]
        return "\(weekday), \(pad(t.day, 2)) \(month) \(pad(t.year, 4)) \(pad(t.hour, 2)):\(pad(t.minute, 2)):\(pad(t.second, 2)) GMT"
    }

    /// UTC calendar fields; dates outside years 1-9999 are clamped first (sidecars are bounded already).
    private static func fields(_ date: Date)
        -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int)
    {
        let seconds = min(max(date.timeIntervalSince1970, -62_135_596_800), 253_402_300_799).rounded(.down)
        return UTCCalendar.fields(epochSeconds: Int64(seconds))
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
