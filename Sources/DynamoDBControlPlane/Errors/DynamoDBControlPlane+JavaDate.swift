#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Instants inside error messages.
extension DynamoDBControlPlane {
    /// Java's `Date.toString()` form in UTC, used where AWS prints instants inside messages (Unverified form).
    static func javaDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone.current
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ v: Int?) -> String { (v ?? 0) < 10 ? "0\(v ?? 0)" : "\(v ?? 0)" }
        let day = days[((p.weekday ?? 1) - 1 + 7) % 7]
        let month = months[((p.month ?? 1) - 1 + 12) % 12]
        return "\(day) \(month) \(two(p.day)) \(two(p.hour)):\(two(p.minute)):\(two(p.second)) UTC \(p.year ?? 1970)"
    }
}
