/// Which attributes a secondary index projects (raw values are the wire strings).
enum ProjectionType: String, Sendable, Equatable {
    case all = "ALL"
    /// The keys plus the projection's NonKeyAttributes.
    case include = "INCLUDE"
    case keysOnly = "KEYS_ONLY"
}
