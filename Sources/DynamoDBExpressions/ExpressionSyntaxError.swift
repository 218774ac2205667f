/// The syntax error AWS reports: the offending token and the text around it.
struct ExpressionSyntaxError: Error, Sendable, Equatable {
    var tokenIndex: Int
    var message: String
}
