/// Proleptic Gregorian calendar arithmetic in UTC (H. Hinnant's days-from-civil and civil-from-days):
/// the one shared implementation behind every date format the modules write or parse, so none needs
/// libc's `gmtime_r`/`timegm` or a locale-dependent formatter.
public enum UTCCalendar {
    /// Days since 1970-01-01 of a year, month (1–12) and day (1–31); no range checks.
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Year, month (1–12) and day (1–31) of a day count since 1970-01-01.
    public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// UTC fields of whole epoch seconds (negative ones floor toward the earlier day);
    /// `weekday` is 0 for Sunday through 6 for Saturday, as in `tm_wday`.
    public static func fields(epochSeconds seconds: Int64)
        -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int)
    {
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let (year, month, day) = civilFromDays(Int(days))
        let weekday = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday (4)
        let seconds = Int(secondOfDay)
        return (year, month, day, seconds / 3_600, seconds % 3_600 / 60, seconds % 60, weekday)
    }

    /// Epoch seconds of UTC calendar fields; no range checks (out-of-range fields carry over, as with `timegm`).
    public static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64 {
        Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400
            + Int64(hour * 3_600 + minute * 60 + second)
    }
}
