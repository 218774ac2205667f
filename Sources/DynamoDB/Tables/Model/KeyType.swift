/// A key schema element's role: partition (HASH) or sort (RANGE) key (raw values are the wire strings).
enum KeyType: String, Sendable, Equatable {
    case hash = "HASH"
    case range = "RANGE"
}
