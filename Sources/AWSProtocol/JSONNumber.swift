/// A JSON number kept as its literal text; converted on demand.
public struct JSONNumber: Sendable, Equatable, CustomStringConvertible {
    /// The number's text, valid JSON number grammar.
    public let text: String

    public init(text: String) { self.text = text }
    public init(_ value: Int) { self.text = String(value) }
    public init(_ value: Int64) { self.text = String(value) }

    /// A double written the shortest way that round-trips; integral values keep no fraction.
    public init(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            self.text = String(Int64(value))
        } else {
            self.text = "\(value)"
        }
    }

    /// True when the literal has no fraction or exponent (Coral's NUMBER_VALUE, not DECIMAL_VALUE).
    public var isIntegerLiteral: Bool { !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) }
    public var doubleValue: Double { Double(text) ?? .nan }
    /// The value as an Int64 when it is an integer literal in range.
    public var int64Value: Int64? { isIntegerLiteral ? Int64(text) : nil }
    public var description: String { text }
}
