/// The semantic problems found in one expression, kept until the whole expression is read: AWS reports
/// a syntax error first, then the first problem of the highest-ranking kind (the ranking differs
/// between condition and update expressions). A value type.
struct ExpressionIssues {
    /// Kinds of problems, named after what they report.
    enum Kind: Int, CaseIterable {
        case redundantParentheses, unknownFunction, misusedFunction, reservedWord, section, undefinedName, undefinedValue,
            undefined, pathOverlap, pathConflict, operandCount, distinctOperands, operandType, functionOperand
    }

    /// Conditions: parentheses, functions, reserved words, then undefined names and values, operand
    /// counts, distinct operands, operand types (Unverified: the order the dynalite emulator follows).
    static let conditionOrder: [Kind] = [
        .redundantParentheses, .unknownFunction, .misusedFunction, .reservedWord, .undefined, .operandCount, .distinctOperands,
        .functionOperand, .pathOverlap, .pathConflict,
    ]
    /// Updates: reserved words, functions, sections, names, values, paths, operand types.
    static let updateOrder: [Kind] = [
        .reservedWord, .unknownFunction, .misusedFunction, .section, .undefinedName, .undefinedValue, .undefined, .pathOverlap,
        .pathConflict, .operandType, .operandCount, .functionOperand,
    ]

    private var first: [Kind: String] = [:]

    mutating func record(_ kind: Kind, _ message: String) {
        if first[kind] == nil { first[kind] = message }
    }

    func has(_ kind: Kind) -> Bool { first[kind] != nil }

    /// The message AWS reports, if any problem was found.
    func reported(in order: [Kind]) -> String? {
        for kind in order { if let message = first[kind] { return message } }
        return nil
    }
}
