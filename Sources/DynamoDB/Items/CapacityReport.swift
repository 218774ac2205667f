/// `ReturnConsumedCapacity`: how much of the capacity a call used the answer reports.
enum CapacityReport: String, Sendable {
    case indexes = "INDEXES"
    case total = "TOTAL"
    case none = "NONE"
}
