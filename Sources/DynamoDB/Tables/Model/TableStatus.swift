/// TableDescription.TableStatus, as far as the control plane drives it (the wire strings are the raw values).
/// AWS: "TableDescription" in the DynamoDB API Reference
/// (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html).
enum TableStatus: String, Sendable, Equatable {
    case creating = "CREATING"
    case updating = "UPDATING"
    case deleting = "DELETING"
    case active = "ACTIVE"
}
