import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A date broken into UTC calendar fields, with the exact string forms CloudTrail writes.
///
/// Built on `UTCCalendar` arithmetic rather than `DateFormatter` so output never depends on the process locale
/// or time zone, and so formatting is cheap on the record path.
public struct UTCTime: Sendable, Equatable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int

    /// The range kept: years 0001 through 9999 (beyond it, and for NaN, dates are clamped, so a
    /// hostile epoch number in a payload can never trap).
    static let minimumSeconds: Double = -62_135_596_800
    static let maximumSeconds: Double = 253_402_300_799

    /// Whole epoch seconds of `date` (floored), clamped to the supported range; NaN is 0.
    public static func clampedSeconds(_ date: Date) -> Int64 {
        let raw = date.timeIntervalSince1970
        return raw.isNaN ? 0 : Int64(min(max(raw.rounded(.down), minimumSeconds), maximumSeconds))
    }

    /// Breaks `date` into UTC fields; sub-second parts are dropped (floored).
    public init(_ date: Date) {
        let parts = UTCCalendar.fields(epochSeconds: Self.clampedSeconds(date))
        year = parts.year
        month = parts.month
        day = parts.day
        hour = parts.hour
        minute = parts.minute
        second = parts.second
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`: `eventTime` and `sessionContext.attributes.creationDate`
    /// (AWS: "CloudTrail record contents", "CloudTrail userIdentity element").
    public var iso8601: String {
        "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second))Z"
    }

    /// `YYYYMMDDTHHmmZ`: the delivery-minute stamp in log file names (AWS: "CloudTrail log file examples").
    public var fileNameStamp: String { "\(pad(year, 4))\(pad(month))\(pad(day))T\(pad(hour))\(pad(minute))Z" }

    /// `YYYY/MM/DD`: the date folders of a log file key (AWS: "Finding your CloudTrail log files").
    public var folderPath: String { "\(pad(year, 4))/\(pad(month))/\(pad(day))" }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `MMM d, y, h:mm:ss a` in the US locale and UTC (`Oct 26, 2025, 11:50:52 PM`): how current CloudTrail
    /// records write dates inside `requestParameters`/`responseElements` (observed in a real 2025 log file,
    /// eventVersion 1.11: LookupEvents `"startTime":"Oct 26, 2025, 11:50:52 PM"`). This is the newer Java
    /// (CLDR) medium form; AWS's 2015 DynamoDB examples show the older `May 1, 2015 7:24:55 AM`.
    public var recordParameterDate: String {
        let hour12 = hour % 12 == 0 ? 12 : hour % 12
        let meridiem = hour < 12 ? "AM" : "PM"
        return "\(Self.monthNames[min(max(month, 1), 12) - 1]) \(day), \(year), \(hour12):\(pad(minute)):\(pad(second)) \(meridiem)"
    }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
