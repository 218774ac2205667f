/// A document path with expression attribute names resolved: `a.b[2].#c` becomes
/// `[.name("a"), .name("b"), .index(2), .name(<value of #c>)]`.
public struct DocumentPath: Sendable, Hashable, CustomStringConvertible {
    public enum Element: Sendable, Hashable {
        case name(String)
        case index(Int)
    }

    public var elements: [Element]

    public init(_ elements: [Element]) { self.elements = elements }

    /// A top-level attribute.
    public init(attribute: String) { self.elements = [.name(attribute)] }

    /// The top-level attribute the path starts at.
    public var topLevelName: String {
        if case .name(let name)? = elements.first { return name }
        return ""
    }

    /// AWS's form in messages: `[a, b, [2]]`.
    public var description: String {
        "["
            + elements.map {
                switch $0 {
                case .name(let name): return name
                case .index(let index): return "[\(index)]"
                }
            }.joined(separator: ", ") + "]"
    }
}
