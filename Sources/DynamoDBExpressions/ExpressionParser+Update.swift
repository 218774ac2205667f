/// Update and projection grammars: `SET a = b + :v, c = list_append(c, :l) REMOVE d ADD e :n DELETE f :s`
/// ("Update expressions", Amazon DynamoDB Developer Guide) and `a, b.c[1]`.
extension ExpressionParser {
    static let updateKeywords: Set<String> = ["SET", "REMOVE", "ADD", "DELETE"]

    /// Parses a whole update expression into its actions, each with its section.
    static func update(_ expression: String) throws(ExpressionSyntaxError) -> [(section: String, actions: [RawUpdateAction])] {
        var parser = ExpressionParser(expression, keywords: updateKeywords)
        var sections: [(section: String, actions: [RawUpdateAction])] = []
        repeat {
            guard parser.current.kind == .word, updateKeywords.contains(parser.current.text.uppercased()) else {
                throw parser.syntaxError()
            }
            let section = parser.current.text.uppercased()
            parser.advance()
            var actions = [try parser.parseUpdateAction(section)]
            while parser.current.isSymbol(",") {
                parser.advance()
                actions.append(try parser.parseUpdateAction(section))
            }
            sections.append((section, actions))
        } while parser.current.kind != .end
        return sections
    }

    private mutating func parseUpdateAction(_ section: String) throws(ExpressionSyntaxError) -> RawUpdateAction {
        let path = try parsePath()
        switch section {
        case "SET":
            try expectSymbol("=")
            return .set(path, try parseSetValue())
        case "REMOVE":
            return .remove(path)
        default:
            guard current.kind == .attributeValue else { throw syntaxError() }
            let value = current.text
            advance()
            return section == "ADD" ? .add(path, value) : .delete(path, value)
        }
    }

    /// `operand`, `operand + operand` or `operand - operand`, optionally in parentheses.
    private mutating func parseSetValue() throws(ExpressionSyntaxError) -> RawOperand {
        guard current.isSymbol("(") else { return try parseArithmetic() }
        try enterParenthesis()
        defer { nesting -= 1 }
        let start = position
        let firstError: ExpressionSyntaxError
        do throws(ExpressionSyntaxError) {
            advance()
            let inner = try parseArithmetic()
            try expectSymbol(")")
            if !current.isSymbol("+") && !current.isSymbol("-") { return .parenthesized(inner) }
            throw syntaxError()
        } catch {
            firstError = error
        }
        position = start
        do throws(ExpressionSyntaxError) {
            return try parseArithmetic()
        } catch {
            throw ExpressionParser.furthest(firstError, error)
        }
    }

    private mutating func parseArithmetic() throws(ExpressionSyntaxError) -> RawOperand {
        let left = try parseOperand()
        if current.isSymbol("+") || current.isSymbol("-") {
            let symbol = current.text
            advance()
            return .arithmetic(symbol, left, try parseOperand())
        }
        return left
    }

    /// Parses a projection expression: paths separated by commas.
    static func projection(_ expression: String) throws(ExpressionSyntaxError) -> [[RawPathElement]] {
        var parser = ExpressionParser(expression, keywords: [])
        var paths = [try parser.parsePath()]
        while parser.current.isSymbol(",") {
            parser.advance()
            paths.append(try parser.parsePath())
        }
        try parser.expectEnd()
        return paths
    }
}
