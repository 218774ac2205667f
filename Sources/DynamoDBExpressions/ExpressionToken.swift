/// One token of DynamoDB's expression language, with the whitespace before it (AWS's syntax errors
/// quote the neighbouring tokens with their spacing).
struct ExpressionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A word of letters, digits and underscores that is not all digits (an attribute, keyword or function name).
        case word
        /// A word of digits only (a list index).
        case digits
        /// `#name`: an expression attribute name.
        case attributeName
        /// `:value`: an expression attribute value.
        case attributeValue
        /// `( ) [ ] , . = <> < <= > >= + -`.
        case symbol
        /// A character the language does not know.
        case invalid
        case end
    }

    var kind: Kind
    var text: String
    var spaceBefore: String

    /// True for a word equal to `keyword` regardless of case (keywords are case-insensitive).
    func isKeyword(_ keyword: String) -> Bool { kind == .word && text.uppercased() == keyword }
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
}
