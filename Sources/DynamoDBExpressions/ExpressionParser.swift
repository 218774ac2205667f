/// The recursive-descent parser shared by condition, filter, key-condition, update and projection
/// expressions. It checks syntax only and reports the first unexpected token as AWS does
/// (`Syntax error; token: "x", near: "a x"`). A value type used once per expression.
struct ExpressionParser {
    private(set) var tokens: [ExpressionToken]
    var position = 0
    /// Words that are grammar keywords here and so cannot start a path (BETWEEN, IN, AND, OR, NOT in
    /// conditions; SET, REMOVE, ADD, DELETE in updates).
    let keywords: Set<String>
    /// Positions where `( condition )` was tried and failed, so nested parentheses are not retried (keeps
    /// parsing linear in the number of parentheses).
    var failedParenthesizedConditions: [Int: ExpressionSyntaxError] = [:]
    /// Parentheses and function calls open around the current token.
    var nesting = 0
    /// The deepest nesting parsed; deeper input is a syntax error at the opening token (our proposal: AWS's
    /// own limit is not documented; this keeps recursion well inside a thread's stack).
    static let maximumNesting = 100

    /// Counts one more level of parentheses, refusing input nested beyond `maximumNesting`.
    mutating func enterParenthesis() throws(ExpressionSyntaxError) {
        guard nesting < ExpressionParser.maximumNesting else { throw syntaxError() }
        nesting += 1
    }

    init(_ expression: String, keywords: Set<String>) {
        tokens = ExpressionLexer.tokens(expression)
        self.keywords = keywords
    }

    var current: ExpressionToken { tokens[min(position, tokens.count - 1)] }
    var next: ExpressionToken { tokens[min(position + 1, tokens.count - 1)] }

    mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    /// AWS's syntax error at the current token: the token (`<EOF>` at the end) and the text near it, the
    /// previous token, the token, and the next token, each with the spacing between them.
    func syntaxError(at index: Int? = nil) -> ExpressionSyntaxError {
        let at = min(index ?? position, tokens.count - 1)
        let token = tokens[at]
        var near = ""
        if at > 0 { near += tokens[at - 1].text + token.spaceBefore }
        near += token.text
        if token.kind != .end, at + 1 < tokens.count {
            let following = tokens[at + 1]
            if following.kind != .end { near += following.spaceBefore + following.text }
        }
        let shown = token.kind == .end ? "<EOF>" : token.text
        return ExpressionSyntaxError(tokenIndex: at, message: "Syntax error; token: \"\(shown)\", near: \"\(near)\"")
    }

    mutating func expectSymbol(_ symbol: String) throws(ExpressionSyntaxError) {
        guard current.isSymbol(symbol) else { throw syntaxError() }
        advance()
    }

    mutating func expectEnd() throws(ExpressionSyntaxError) {
        guard current.kind == .end else { throw syntaxError() }
    }

    func isKeywordHere(_ token: ExpressionToken) -> Bool { token.kind == .word && keywords.contains(token.text.uppercased()) }

    /// `a.b[1].#c`: a word or `#name`, then `.word`, `.#name` or `[digits]`.
    mutating func parsePath() throws(ExpressionSyntaxError) -> [RawPathElement] {
        var elements: [RawPathElement] = [try parsePathName()]
        while true {
            if current.isSymbol(".") {
                advance()
                elements.append(try parsePathName())
            } else if current.isSymbol("[") {
                advance()
                guard current.kind == .digits, let index = Int(current.text) else { throw syntaxError() }
                advance()
                try expectSymbol("]")
                elements.append(.index(index))
            } else {
                return elements
            }
        }
    }

    private mutating func parsePathName() throws(ExpressionSyntaxError) -> RawPathElement {
        let token = current
        switch token.kind {
        case .word where !isKeywordHere(token) && !(token.text.first?.isNumber ?? true):
            advance()
            return .identifier(token.text)
        case .attributeName:
            advance()
            return .attributeName(token.text)
        default:
            throw syntaxError()
        }
    }

    /// An operand: `( operand )`, `function(args)`, `:value`, or a path.
    mutating func parseOperand() throws(ExpressionSyntaxError) -> RawOperand {
        if current.isSymbol("(") {
            try enterParenthesis()
            defer { nesting -= 1 }
            advance()
            let inner = try parseOperand()
            try expectSymbol(")")
            return .parenthesized(inner)
        }
        if current.kind == .attributeValue {
            let name = current.text
            advance()
            return .value(name)
        }
        if current.kind == .word, next.isSymbol("("), !isKeywordHere(current) {
            try enterParenthesis()
            defer { nesting -= 1 }
            let name = current.text
            advance()
            advance()
            var arguments = [try parseOperand()]
            while current.isSymbol(",") {
                advance()
                arguments.append(try parseOperand())
            }
            try expectSymbol(")")
            return .function(name, arguments)
        }
        return .path(try parsePath())
    }

    /// The later of two syntax errors (the one that read further), as a PEG parser reports.
    static func furthest(_ first: ExpressionSyntaxError, _ second: ExpressionSyntaxError) -> ExpressionSyntaxError {
        second.tokenIndex > first.tokenIndex ? second : first
    }
}
