/// Builds S3's XML documents: the declaration, the 2006-03-01 namespace, escaped text.
/// S3 writes no whitespace between elements; neither does this.
struct S3XML {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    static let namespace = "http://s3.amazonaws.com/doc/2006-03-01/"

    private(set) var text = ""

    /// `<name>escaped value</name>`.
    mutating func element(_ name: String, _ value: String) {
        text += "<\(name)>" + Self.escape(value) + "</\(name)>"
    }

    mutating func open(_ name: String) { text += "<\(name)>" }
    mutating func close(_ name: String) { text += "</\(name)>" }

    /// XML text escaping, as S3 escapes (`"` as `&quot;`, so ETags read `&quot;…&quot;`).
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Control characters are not allowed in XML 1.0 text: S3 writes them as character references.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}": out += "&#\(scalar.value);"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
