/// A condition of the parse tree (AND, OR, NOT, comparisons, BETWEEN, IN, functions), before checking.
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
