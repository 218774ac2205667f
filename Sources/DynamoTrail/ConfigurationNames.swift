/// The naming rules for the configured names that become paths, S3 keys and ARNs; each check returns
/// the reason a name is refused, or nil.
enum ConfigurationNames {
    /// AWS CloudTrail API Reference, "CreateTrail" (`Name`): ASCII letters, digits, `.`, `_` and `-`;
    /// starts and ends with a letter or digit; 3 to 128 characters; no two adjacent `.`, `_` or `-`;
    /// not an IP address.
    static func trailNameProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        guard (3...128).contains(bytes.count) else { return "must be 3 to 128 characters" }
        guard bytes.allSatisfy({ isLetterOrDigit($0) || isPunctuation($0) }) else {
            return "may contain only ASCII letters, digits, periods, underscores and dashes"
        }
        guard isLetterOrDigit(bytes[0]), isLetterOrDigit(bytes[bytes.count - 1]) else {
            return "must start and end with a letter or a digit"
        }
        for index in 1..<bytes.count where isPunctuation(bytes[index]) && isPunctuation(bytes[index - 1]) {
            return "must not have adjacent periods, underscores or dashes"
        }
        return looksLikeIPAddress(name) ? "must not be an IP address" : nil
    }

    /// Amazon S3 User Guide, "General purpose bucket naming rules": 3 to 63 lowercase letters, digits,
    /// `.` and `-`; starts and ends with a letter or digit; no two adjacent periods; not an IP address.
    static func bucketNameProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        guard (3...63).contains(bytes.count) else { return "must be 3 to 63 characters" }
        let isLower = { (byte: UInt8) in (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard bytes.allSatisfy({ isLower($0) || isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }) else {
            return "may contain only lowercase letters, digits, periods and hyphens"
        }
        let ends = [bytes[0], bytes[bytes.count - 1]]
        guard ends.allSatisfy({ isLower($0) || isDigit($0) }) else { return "must start and end with a letter or a digit" }
        if name.contains("..") { return "must not have two adjacent periods" }
        return looksLikeIPAddress(name) ? "must not be an IP address" : nil
    }

    /// CreateTrail's `S3KeyPrefix` (at most 200 characters), and as a path inside the bucket
    /// directory: no empty, `.` or `..` segment, no backslash or control character.
    static func keyPrefixProblem(_ prefix: String) -> String? {
        guard !prefix.isEmpty else { return nil }
        if prefix.utf8.count > 200 { return "must be at most 200 characters" }
        if prefix.hasPrefix("/") || prefix.hasSuffix("/") { return "must not start or end with \"/\"" }
        if prefix.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) {
            return "must not contain control characters or backslashes"
        }
        for segment in prefix.split(separator: "/", omittingEmptySubsequences: false)
        where segment.isEmpty || segment == "." || segment == ".." {
            return "must not contain an empty, \".\" or \"..\" segment"
        }
        return nil
    }

    /// AWS Organizations API Reference, "Organization" (`Id`): `o-` and 10 to 32 lowercase letters or digits.
    static func organizationIdProblem(_ id: String) -> String? {
        let bytes = Array(id.utf8)
        let body = bytes.dropFirst(2)
        let valid =
            id.hasPrefix("o-") && (10...32).contains(body.count)
            && body.allSatisfy {
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
            }
        return valid ? nil : "must be \"o-\" and 10 to 32 lowercase letters or digits (like o-exampleorgid)"
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// Four dot-separated numbers of 0 to 255.
    private static func looksLikeIPAddress(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in UInt8(part) != nil }
    }
}
