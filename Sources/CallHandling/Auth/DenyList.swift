/// An identity's simple deny permissions: IAM action patterns such as `dynamodb:DeleteTable`,
/// `dynamodb:Describe*` or `dynamodb:*`, matched case-insensitively with `*` (any run) and `?` (one character).
public struct DenyList: Sendable, Equatable {
    public let patterns: [String]

    public init(_ patterns: [String] = []) { self.patterns = patterns }

    /// True when some pattern matches `action` (e.g. `dynamodb:DeleteTable`).
    public func isDenied(action: String) -> Bool {
        let subject = Array(action.lowercased().utf8)
        return patterns.contains { Self.matches(Array($0.lowercased().utf8), subject) }
    }

    /// Glob match with backtracking over the last `*`; linear in practice for IAM-sized patterns.
    static func matches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        var p = 0
        var t = 0
        var star: Int? = nil
        var mark = 0
        while t < text.count {
            if p < pattern.count && (pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t]) {
                p += 1
                t += 1
            } else if p < pattern.count && pattern[p] == UInt8(ascii: "*") {
                star = p
                mark = t
                p += 1
            } else if let s = star {
                p = s + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
