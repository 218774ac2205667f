/// Why a JSON text was refused, and where.
public struct JSONParseError: Error, Equatable, Sendable {
    public let offset: Int
    public let reason: String
}
