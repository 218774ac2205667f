import DynamoDB

/// PartiQL statements as CloudTrail records them: every literal value becomes `***(Redacted)` except a
/// key attribute's value compared in the WHERE clause, as AWS's ExecuteStatement and BatchExecuteStatement
/// examples show (`… WHERE Artist = 'No One You Know' AND … nonKeyAttr = ***(Redacted)`,
/// `INSERT INTO Music VALUE {'Artist' : ***(Redacted), …}`). Parameters (`?`) stay as they are. Pure functions.
enum PartiQLRedaction {
    static let redacted = "***(Redacted)"

    /// The statement with its literal values redacted; `facts` names the key attributes of its table.
    static func redact(_ statement: String, facts: [String: TableAuditFacts]) -> String {
        let keyNames = Set(tableNames(in: statement).flatMap { facts[$0]?.keyAttributeNames ?? [] })
        let characters = Array(statement)
        var output = ""
        var index = 0
        var inWhere = false
        var recent: [String] = []  // the last significant tokens, newest last
        while index < characters.count {
            let character = characters[index]
            if character == "'" || character == "`" {
                let end = closing(characters, from: index, quote: character)
                let literal = String(characters[index..<end])
                // A key of a tuple (`{'Artist' : …}`) is an attribute name, not a value.
                var next = end
                while next < characters.count, characters[next].isWhitespace { next += 1 }
                let isName = character == "'" && next < characters.count && characters[next] == ":"
                let keep = isName || (inWhere && character == "'" && comparesKey(recent, keyNames))
                output += keep ? literal : redacted
                recent.append("'")
                index = end
            } else if character == "\"" {
                let end = closing(characters, from: index, quote: "\"")
                output += String(characters[index..<end])
                recent.append(String(characters[(index + 1)..<max(index + 1, end - 1)]))
                index = end
            } else if character.isNumber
                || (character == "-" && index + 1 < characters.count && characters[index + 1].isNumber
                    && !(recent.last.map(isOperand) ?? false))
            {
                var end = index + 1
                while end < characters.count, characters[end].isNumber || ".eE+-".contains(characters[end]) { end += 1 }
                let literal = String(characters[index..<end])
                let isIndex = recent.last == "["
                let keep = isIndex || (inWhere && comparesKey(recent, keyNames))
                output += keep ? literal : redacted
                recent.append("0")
                index = end
            } else if character.isLetter || character == "_" {
                var end = index + 1
                while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" { end += 1 }
                let word = String(characters[index..<end])
                if word.uppercased() == "WHERE" { inWhere = true }
                output += word
                recent.append(word)
                index = end
            } else {
                output.append(character)
                if !character.isWhitespace { recent.append(String(character)) }
                index += 1
            }
            if recent.count > 8 { recent.removeFirst(recent.count - 8) }
        }
        return output
    }

    /// True when the last tokens are `<key attribute> =`.
    static func comparesKey(_ recent: [String], _ keyNames: Set<String>) -> Bool {
        recent.count >= 2 && recent[recent.count - 1] == "=" && keyNames.contains(recent[recent.count - 2])
    }

    /// A token that ends an operand (so a following `-` is subtraction, not a sign).
    static func isOperand(_ token: String) -> Bool { token == "0" || token == "'" || token == ")" || token == "]" }

    /// The index just past the literal opened at `start` (a doubled quote inside is an escaped one).
    static func closing(_ characters: [Character], from start: Int, quote: Character) -> Int {
        var index = start + 1
        while index < characters.count {
            if characters[index] == quote {
                if index + 1 < characters.count, characters[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return characters.count
    }

    /// The tables a statement names: the name after FROM, INTO or UPDATE (quoted or not; an index after a dot is ignored).
    static func tableNames(in statement: String) -> [String] {
        let characters = Array(statement)
        var names: [String] = []
        var previous = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            var token: String?
            var quoted = false
            if character == "\"" {
                let end = closing(characters, from: index, quote: "\"")
                token = String(characters[(index + 1)..<max(index + 1, end - 1)]).replacing("\"\"", with: "\"")
                quoted = true
                index = end
            } else if character == "'" || character == "`" {
                index = closing(characters, from: index, quote: character)
                previous = ""
                continue
            } else if character.isLetter || character == "_" {
                var end = index + 1
                while end < characters.count, characters[end].isLetter || characters[end].isNumber || "_.-".contains(characters[end]) {
                    end += 1
                }
                token = String(characters[index..<end])
                index = end
            } else {
                if !character.isWhitespace { previous = String(character) }
                index += 1
                continue
            }
            guard let word = token else { continue }
            if ["FROM", "INTO", "UPDATE"].contains(previous.uppercased()) {
                let name = quoted ? word : String(word.split(separator: ".").first ?? Substring(word))
                if !names.contains(name) { names.append(name) }
            }
            previous = quoted ? "\u{0}" : word
        }
        return names
    }
}
