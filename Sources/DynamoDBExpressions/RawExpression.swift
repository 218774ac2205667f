/// The parse tree before names, values and functions are checked: what the grammar accepted, nothing more.
/// `ExpressionChecker` turns it into `Condition`, `UpdateAction` and `DocumentPath` values.
enum RawPathElement: Sendable, Equatable {
    case identifier(String)
    case attributeName(String)
    case index(Int)
}

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

indirect enum RawCondition: Sendable, Equatable {
    case comparison(String, RawOperand, RawOperand)
    case between(RawOperand, RawOperand, RawOperand)
    case isIn(RawOperand, [RawOperand])
    case function(String, [RawOperand])
    case and(RawCondition, RawCondition)
    case or(RawCondition, RawCondition)
    case not(RawCondition)
    case parenthesized(RawCondition)
}

/// One action of an update expression as parsed, with its section keyword.
enum RawUpdateAction: Sendable, Equatable {
    case set([RawPathElement], RawOperand)
    case remove([RawPathElement])
    case add([RawPathElement], String)
    case delete([RawPathElement], String)
}

/// The syntax error AWS reports: the offending token and the text around it.
struct ExpressionSyntaxError: Error, Sendable, Equatable {
    var tokenIndex: Int
    var message: String
}
