import AWSProtocol
import CloudTrail

extension CloudTrailAPI {
    /// The LookupEvents `Resources` of a call whose record has no `resources` array (DynamoDB and
    /// CloudTrail management records carry none). How AWS fills them for DynamoDB is Unverified; we
    /// use a plausible form: the table by name as `AWS::DynamoDB::Table`, a stream by ARN as
    /// `AWS::DynamoDB::Stream`, the trail as given in `Name`/`TrailName`/`trailNameList` as
    /// `AWS::CloudTrail::Trail` (AWS CloudTrail API Reference: "Resource",
    /// https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Resource.html).
    /// `eventSource` is the call's service (`dynamodb.amazonaws.com`, `cloudtrail.amazonaws.com`).
    public static func lookupResources(eventSource: String, input: JSONValue?) -> [LookupResource] {
        guard let input else { return [] }
        var resources: [LookupResource] = []
        switch eventSource {
        case "dynamodb.amazonaws.com":
            for key in ["TableName", "ResourceArn"] {
                guard let text = input[key]?.stringValue, !text.isEmpty else { continue }
                resources.append(LookupResource(type: "AWS::DynamoDB::Table", name: tableName(text)))
                break
            }
            if let stream = input["StreamArn"]?.stringValue, !stream.isEmpty {
                resources.append(LookupResource(type: "AWS::DynamoDB::Stream", name: stream))
            }
        case "cloudtrail.amazonaws.com":
            var names: [String] = []
            for key in ["Name", "TrailName"] { if let name = input[key]?.stringValue { names.append(name) } }
            for value in input["trailNameList"]?.arrayValue ?? [] { if let name = value.stringValue { names.append(name) } }
            resources = names.filter { !$0.isEmpty }.map { LookupResource(type: "AWS::CloudTrail::Trail", name: $0) }
        default:
            break
        }
        return resources
    }

    /// The same resources for a delivered record (history reloaded from log files), read from its
    /// `eventSource` and lower-camel `requestParameters`.
    static func lookupResources(record: JSONValue) -> [LookupResource] {
        let parameters = record["requestParameters"] ?? .null
        guard let eventSource = record["eventSource"]?.stringValue else { return [] }
        var input = JSONObject()
        for (from, to) in [
            ("tableName", "TableName"), ("resourceArn", "ResourceArn"), ("streamArn", "StreamArn"), ("name", "Name"),
            ("trailName", "TrailName"), ("trailNameList", "trailNameList"),
        ] {
            if let value = parameters[from] { input.append(to, value) }
        }
        return lookupResources(eventSource: eventSource, input: .object(input))
    }

    /// `arn:aws:dynamodb:REGION:ACCT:table/NAME[/…]` → `NAME`; plain names unchanged.
    static func tableName(_ text: String) -> String {
        guard text.hasPrefix("arn:"), let range = text.firstByteRange(of: ":table/") else { return text }
        return String(text[range.upperBound...].prefix(while: { $0 != "/" }))
    }
}
