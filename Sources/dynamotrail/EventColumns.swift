import AWSProtocol
import CloudTrail

/// The column layout of `dynamotrail events`: time, account, region, event name, user, source IP,
/// error code (`-` when none). Widths are fixed so lines stream without a second pass; longer
/// values push the rest of the line right.
enum EventColumns {
    static let widths = [20, 12, 14, 28, 24, 15]

    static var header: String { row(["TIME", "ACCOUNT", "REGION", "EVENT", "USER", "SOURCE IP", "ERROR"]) }

    static func line(_ record: JSONValue) -> String {
        let identity = record["userIdentity"]
        let user =
            LogRecordFilter.username(identity) ?? identity?["arn"]?.stringValue ?? identity?["principalId"]?.stringValue
        return row([
            record["eventTime"]?.stringValue ?? "-", record["recipientAccountId"]?.stringValue ?? "-",
            record["awsRegion"]?.stringValue ?? "-", record["eventName"]?.stringValue ?? "-", user ?? "-",
            record["sourceIPAddress"]?.stringValue ?? "-", record["errorCode"]?.stringValue ?? "-",
        ])
    }

    static func row(_ cells: [String]) -> String {
        var line = ""
        for (index, cell) in cells.enumerated() {
            line += cell
            if index < widths.count { line += String(repeating: " ", count: max(2, widths[index] + 2 - cell.count)) }
        }
        return line
    }
}
