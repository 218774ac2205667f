/// A global secondary index's IndexStatus (the wire strings are the raw values).
/// AWS: "GlobalSecondaryIndexDescription" in the DynamoDB API Reference
/// (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndexDescription.html).
enum IndexStatus: String, Sendable, Equatable {
    case creating = "CREATING"
    case updating = "UPDATING"
    case deleting = "DELETING"
    case active = "ACTIVE"
}
