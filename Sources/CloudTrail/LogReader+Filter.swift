import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Which delivered records `dynamotrail events` shows. Every set criterion must hold.
public struct LogRecordFilter: Sendable, Equatable {
    /// `recipientAccountId`.
    public var account: String?
    /// `awsRegion`.
    public var region: String?
    public var eventName: String?
    /// A user name (`userIdentity.userName`, the session or federated name, `root`), the caller's
    /// ARN, or the session issuer's user name or ARN.
    public var user: String?
    public var accessKeyId: String?
    /// Inclusive bounds on `eventTime`.
    public var startTime: Date?
    public var endTime: Date?
    /// Only `readOnly: true` records.
    public var readOnlyOnly = false
    /// Only records with an `errorCode`.
    public var errorsOnly = false

    public init() {}

    /// `YYYY`, `MM`, `DD` of `startTime` in UTC, for pruning day folders.
    var startDay: [String]? {
        startTime.map { UTCTime($0).folderPath.split(separator: "/").map(String.init) }
    }

    /// Whether `record` (a parsed CloudTrail record) passes.
    public func matches(_ record: JSONValue) -> Bool {
        if let account, record["recipientAccountId"]?.stringValue != account { return false }
        if let region, record["awsRegion"]?.stringValue != region { return false }
        if let eventName, record["eventName"]?.stringValue != eventName { return false }
        let identity = record["userIdentity"]
        if let accessKeyId, identity?["accessKeyId"]?.stringValue != accessKeyId { return false }
        if let user, !Self.userNames(identity).contains(user) { return false }
        if readOnlyOnly, record["readOnly"]?.boolValue != true { return false }
        if errorsOnly, record["errorCode"]?.stringValue == nil { return false }
        if startTime != nil || endTime != nil {
            guard let text = record["eventTime"]?.stringValue, let time = Self.parseTime(text) else { return false }
            if let startTime, time < startTime.timeIntervalSince1970.rounded(.down) { return false }
            if let endTime, time > endTime.timeIntervalSince1970 { return false }
        }
        return true
    }

    /// The name LookupEvents shows as `Username` for a record's `userIdentity` block: the user name,
    /// the session or federated name (after the `:` of `principalId`), `root`; nil when none applies.
    public static func username(_ identity: JSONValue?) -> String? {
        guard let identity else { return nil }
        switch identity["type"]?.stringValue {
        case "IAMUser": return identity["userName"]?.stringValue
        case "AssumedRole", "FederatedUser":
            guard let principal = identity["principalId"]?.stringValue, let colon = principal.lastIndex(of: ":") else {
                return identity["arn"]?.stringValue?.split(separator: "/").last.map(String.init)
            }
            return String(principal[principal.index(after: colon)...])
        case "Root": return "root"
        default: return identity["userName"]?.stringValue
        }
    }

    /// Every name `--user` may match for this identity.
    static func userNames(_ identity: JSONValue?) -> [String] {
        var names: [String] = []
        if let name = username(identity) { names.append(name) }
        for value in [
            identity?["userName"], identity?["arn"], identity?["sessionContext"]?["sessionIssuer"]?["userName"],
            identity?["sessionContext"]?["sessionIssuer"]?["arn"],
        ] {
            if let text = value?.stringValue { names.append(text) }
        }
        return names
    }

    /// Epoch seconds of `YYYY-MM-DDTHH:MM:SS[.fff]Z` (the record's `eventTime`); nil when malformed.
    public static func parseTime(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for index in from..<(from + count) {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var fraction = 0.0
        if bytes.count > 20 {
            guard bytes[19] == UInt8(ascii: "."), bytes.count > 21, bytes.count <= 30,
                let digits = number(20, bytes.count - 21)
            else { return nil }
            var scale = 1.0
            for _ in 0..<(bytes.count - 21) { scale *= 10 }
            fraction = Double(digits) / scale
        }
        let days = UTCCalendar.daysFromCivil(year: year, month: month, day: day)
        return Double(days * 86_400 + hour * 3600 + minute * 60 + second) + fraction
    }
}
