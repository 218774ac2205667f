/// SSEDescription.Status of a table encrypted with a KMS key (raw values are the wire strings).
/// DynamoTrail shows only these two; AWS also knows ENABLING, DISABLING and DISABLED.
enum SSEStatus: String, Sendable, Equatable {
    case enabled = "ENABLED"
    case updating = "UPDATING"
}
