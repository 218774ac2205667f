import DynamoDBItems

/// `ReturnValues` of the item writes: what the answer's `Attributes` holds.
public enum ReturnValues: String, Sendable, CaseIterable {
    case none = "NONE"
    case allOld = "ALL_OLD"
    case updatedOld = "UPDATED_OLD"
    case allNew = "ALL_NEW"
    case updatedNew = "UPDATED_NEW"
}
