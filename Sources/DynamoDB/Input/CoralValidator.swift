import AWSProtocol

/// Collects Coral constraint violations and renders them in Coral's grammar (observed on DynamoDB, 2019 and 2026):
/// `N validation error(s) detected: Value '…' at '…' failed to satisfy constraint: …`, `; `-joined, at most 10.
struct CoralValidator {
    static let namePattern = "[a-zA-Z0-9_.-]+"
    static let maximumListed = 10

    private(set) var messages: [String] = []

    /// Records one violation; a nil `value` prints as `Value null at`.
    mutating func fail(_ value: String?, at path: String, _ constraint: String) {
        guard messages.count < Self.maximumListed else { return }
        let shown = value.map { "'\($0)'" } ?? "null"
        messages.append("Value \(shown) at '\(path)' failed to satisfy constraint: \(constraint)")
    }

    /// Records `Member must not be null` when absent; returns whether the member is present.
    @discardableResult
    mutating func notNull(_ present: Bool, at path: String) -> Bool {
        if !present { fail(nil, at: path, "Member must not be null") }
        return present
    }

    /// Length bounds in UTF-16 code units (Java's String.length()).
    mutating func length(_ value: String, at path: String, min: Int? = nil, max: Int? = nil) {
        let count = value.utf16.count
        if let min, count < min { fail(value, at: path, "Member must have length greater than or equal to \(min)") }
        if let max, count > max { fail(value, at: path, "Member must have length less than or equal to \(max)") }
    }

    /// Length bounds of a list; `rendered` is the list as Java's toString prints it.
    mutating func listLength(_ count: Int, rendered: String, at path: String, min: Int? = nil, max: Int? = nil) {
        if let min, count < min { fail(rendered, at: path, "Member must have length greater than or equal to \(min)") }
        if let max, count > max { fail(rendered, at: path, "Member must have length less than or equal to \(max)") }
    }

    /// The table/index name pattern `[a-zA-Z0-9_.-]+`.
    mutating func namePattern(_ value: String, at path: String) {
        if !Self.matchesNamePattern(value) {
            fail(value, at: path, "Member must satisfy regular expression pattern: \(Self.namePattern)")
        }
    }

    /// A table or index name: length 3..255 then the pattern (2026 order).
    mutating func name(_ value: String, at path: String) {
        length(value, at: path, min: 3, max: 255)
        namePattern(value, at: path)
    }

    /// Enum membership with the service's printed order of values.
    mutating func enumValue(_ value: String, at path: String, _ allowed: [String]) {
        if !allowed.contains(value) {
            fail(value, at: path, "Member must satisfy enum value set: [\(allowed.joined(separator: ", "))]")
        }
    }

    /// Numeric bounds.
    mutating func range(_ value: Int64, at path: String, min: Int64? = nil, max: Int64? = nil) {
        if let min, value < min { fail(String(value), at: path, "Member must have value greater than or equal to \(min)") }
        if let max, value > max { fail(String(value), at: path, "Member must have value less than or equal to \(max)") }
    }

    /// The ValidationException for what was collected, or nil when nothing was.
    var error: AWSServiceError? {
        guard !messages.isEmpty else { return nil }
        let noun = messages.count == 1 ? "error" : "errors"
        return .validation("\(messages.count) validation \(noun) detected: " + messages.joined(separator: "; "))
    }

    static func matchesNamePattern(_ value: String) -> Bool {
        !value.isEmpty
            && value.utf8.allSatisfy { byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == 0x5F || byte == 0x2E || byte == 0x2D
            }
    }
}
