/// One step of a document path as written (`name`, `#name` or `[index]`), before names are resolved.
enum RawPathElement: Sendable, Equatable {
    case identifier(String)
    case attributeName(String)
    case index(Int)
}

/// An operand of the parse tree, before names, values and functions are checked: what the grammar
/// accepted, nothing more. `ExpressionChecker` turns the tree into `Operand`, `Condition` and `UpdateAction`.
indirect enum RawOperand: Sendable, Equatable {
    case path([RawPathElement])
    case value(String)
    case function(String, [RawOperand])
    /// `+` or `-` (update expressions only).
    case arithmetic(String, RawOperand, RawOperand)
    case parenthesized(RawOperand)

    /// The operand without its parentheses.
    var unwrapped: RawOperand {
        if case .parenthesized(let inner) = self { return inner.unwrapped }
        return self
    }
}
