import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension CloudTrailPayload {
    /// A date as current CloudTrail records write it inside `requestParameters`/`responseElements`:
    /// `Oct 26, 2025, 11:50:52 PM` (UTC; see `UTCTime.recordParameterDate`).
    public static func recordDateString(_ date: Date) -> String { UTCTime(date).recordParameterDate }

    /// Replaces numeric epoch-seconds values of members whose name is in `dateMembers` with
    /// `recordDateString`, at every depth (inside arrays too); other values are kept as they are.
    /// The wire sends timestamps as epoch numbers (AWS JSON protocols); a record shows them as text.
    public static func recordDates(in value: JSONValue, dateMembers: Set<String>) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for member in object.members {
                if dateMembers.contains(member.key), case .number(let number) = member.value {
                    result.append(member.key, .string(recordDateString(Date(timeIntervalSince1970: number.doubleValue))))
                } else {
                    result.append(member.key, recordDates(in: member.value, dateMembers: dateMembers))
                }
            }
            return .object(result)
        case .array(let elements):
            return .array(elements.map { recordDates(in: $0, dateMembers: dateMembers) })
        default:
            return value
        }
    }
}
