/// DynamoDB's two planes: tables and streams (control: CloudTrail management events) and items and
/// stream records (data: CloudTrail data events, logged only when a trail selects them).
public enum OperationPlane: Sendable, Equatable {
    case control, data
}
