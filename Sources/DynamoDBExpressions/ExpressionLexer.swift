/// Splits an expression into tokens; never fails (unknown characters become `.invalid` tokens, which
/// the parser reports as AWS does).
enum ExpressionLexer {
    static func tokens(_ expression: String) -> [ExpressionToken] {
        var tokens: [ExpressionToken] = []
        let scalars = Array(expression.unicodeScalars)
        var index = 0
        var space = ""
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                space.unicodeScalars.append(scalar)
                index += 1
                continue
            }
            var end = index + 1
            var kind = ExpressionToken.Kind.invalid
            if isWordScalar(scalar) {
                while end < scalars.count, isWordScalar(scalars[end]) { end += 1 }
                let isDigits = scalars[index..<end].allSatisfy { ("0"..."9").contains($0) }
                kind = isDigits ? .digits : .word
            } else if scalar == "#" || scalar == ":" {
                while end < scalars.count, isWordScalar(scalars[end]) { end += 1 }
                kind = end == index + 1 ? .invalid : (scalar == "#" ? .attributeName : .attributeValue)
            } else if "()[],.=+-".unicodeScalars.contains(scalar) {
                kind = .symbol
            } else if scalar == "<" || scalar == ">" {
                kind = .symbol
                if end < scalars.count, scalars[end] == "=" || (scalar == "<" && scalars[end] == ">") { end += 1 }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[index..<end])
            tokens.append(ExpressionToken(kind: kind, text: text, spaceBefore: space))
            space = ""
            index = end
        }
        tokens.append(ExpressionToken(kind: .end, text: "", spaceBefore: space))
        return tokens
    }
}
