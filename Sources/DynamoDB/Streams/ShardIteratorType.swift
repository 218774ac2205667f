/// GetShardIterator's ShardIteratorType (raw values are the wire strings).
enum ShardIteratorType: String, Sendable, Equatable {
    case trimHorizon = "TRIM_HORIZON"
    case latest = "LATEST"
    case atSequenceNumber = "AT_SEQUENCE_NUMBER"
    case afterSequenceNumber = "AFTER_SEQUENCE_NUMBER"

    /// AT_ and AFTER_SEQUENCE_NUMBER need a SequenceNumber.
    var needsSequenceNumber: Bool { self == .atSequenceNumber || self == .afterSequenceNumber }
}
