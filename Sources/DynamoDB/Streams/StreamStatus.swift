/// A stream's StreamStatus in DescribeStream (raw values are the wire strings).
enum StreamStatus: String, Sendable, Equatable {
    case enabling = "ENABLING"
    case enabled = "ENABLED"
    case disabling = "DISABLING"
    case disabled = "DISABLED"
}
