/// A projection as sent.
struct ProjectionInput: Sendable {
    var type: String?
    var nonKeyAttributes: [String]?
}
