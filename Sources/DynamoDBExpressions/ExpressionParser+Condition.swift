/// Condition grammar (ConditionExpression, FilterExpression, KeyConditionExpression), lowest precedence
/// first: OR, AND, NOT, then comparisons, BETWEEN, IN and functions ("Comparison operator and function
/// reference", Amazon DynamoDB Developer Guide).
extension ExpressionParser {
    static let conditionKeywords: Set<String> = ["AND", "OR", "NOT", "BETWEEN", "IN"]
    static let comparators: Set<String> = ["=", "<>", "<", "<=", ">", ">="]

    /// Parses a whole condition expression.
    static func condition(_ expression: String) throws(ExpressionSyntaxError) -> RawCondition {
        var parser = ExpressionParser(expression, keywords: conditionKeywords)
        let condition = try parser.parseOr()
        try parser.expectEnd()
        return condition
    }

    mutating func parseOr() throws(ExpressionSyntaxError) -> RawCondition {
        var terms = [try parseAnd()]
        while current.isKeyword("OR") {
            advance()
            terms.append(try parseAnd())
        }
        return ExpressionParser.balanced(terms[...], RawCondition.or)
    }

    mutating func parseAnd() throws(ExpressionSyntaxError) -> RawCondition {
        var terms = [try parseNot()]
        while current.isKeyword("AND") {
            advance()
            terms.append(try parseNot())
        }
        return ExpressionParser.balanced(terms[...], RawCondition.and)
    }

    /// AND and OR chains as balanced trees (they are associative), so a long chain nests only
    /// logarithmically deep for the checker and the evaluator.
    static func balanced(_ terms: ArraySlice<RawCondition>, _ join: (RawCondition, RawCondition) -> RawCondition) -> RawCondition {
        guard terms.count > 1 else { return terms.first ?? .function("", []) }
        let middle = terms.startIndex + terms.count / 2
        return join(balanced(terms[..<middle], join), balanced(terms[middle...], join))
    }

    mutating func parseNot() throws(ExpressionSyntaxError) -> RawCondition {
        var negations = 0
        while current.isKeyword("NOT") {
            advance()
            negations += 1
        }
        let condition = try parsePrimaryCondition()
        return negations % 2 == 1 ? .not(condition) : condition  // NOT NOT c is c: no deep nesting
    }

    /// `( condition )` is tried first; if it fails, the parenthesis opens an operand (`(a) = :v`).
    mutating func parsePrimaryCondition() throws(ExpressionSyntaxError) -> RawCondition {
        guard current.isSymbol("(") else { return try parseSimpleCondition() }
        try enterParenthesis()
        defer { nesting -= 1 }
        let start = position
        let firstError: ExpressionSyntaxError
        if let known = failedParenthesizedConditions[start] {
            firstError = known
        } else {
            do throws(ExpressionSyntaxError) {
                advance()
                let inner = try parseOr()
                try expectSymbol(")")
                return .parenthesized(inner)
            } catch {
                firstError = error
                failedParenthesizedConditions[start] = error
            }
        }
        position = start
        do throws(ExpressionSyntaxError) {
            return try parseSimpleCondition()
        } catch {
            throw ExpressionParser.furthest(firstError, error)
        }
    }

    /// `operand comparator operand`, `operand BETWEEN operand AND operand`, `operand IN (operands)`, or a function.
    mutating func parseSimpleCondition() throws(ExpressionSyntaxError) -> RawCondition {
        let left = try parseOperand()
        if current.kind == .symbol, ExpressionParser.comparators.contains(current.text) {
            let comparator = current.text
            advance()
            return .comparison(comparator, left, try parseOperand())
        }
        if current.isKeyword("BETWEEN") {
            advance()
            let low = try parseOperand()
            guard current.isKeyword("AND") else { throw syntaxError() }
            advance()
            return .between(left, low, try parseOperand())
        }
        if current.isKeyword("IN") {
            advance()
            try expectSymbol("(")
            var candidates = [try parseOperand()]
            while current.isSymbol(",") {
                advance()
                candidates.append(try parseOperand())
            }
            try expectSymbol(")")
            return .isIn(left, candidates)
        }
        if case .function(let name, let arguments) = left { return .function(name, arguments) }
        throw syntaxError()
    }
}
