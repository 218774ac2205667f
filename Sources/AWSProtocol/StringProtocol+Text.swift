/// Small text helpers standing in for full Foundation's `NSString` bridges (which FoundationEssentials lacks).
extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`: the text without leading and trailing tabs and Unicode
    /// space separators (category Zs: space, no-break space, …); newlines stay.
    public func trimmingSpaces() -> String {
        // ASCII text (headers, almost always): the only spaces there are tab and U+0020; checking each
        // scalar's general category cost 4% of a request's CPU (observed, perf).
        if let trimmed = trimmingASCIISpaces() { return trimmed }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        var trimmed = String.UnicodeScalarView()
        trimmed.append(contentsOf: scalars[first...last])
        return String(trimmed)
    }

    /// `trimmingSpaces()` in one pass over the bytes, or nil when the text is not all ASCII.
    private func trimmingASCIISpaces() -> String? {
        let bytes = utf8
        var first: Index?
        var end = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            let next = bytes.index(after: index)
            if byte != 0x20, byte != 0x09 {
                if first == nil { first = index }
                end = next
            }
            index = next
        }
        guard let first else { return "" }
        return String(decoding: bytes[first..<end], as: UTF8.self)
    }

    /// The first occurrence of `needle`, compared byte for byte (UTF-8): `range(of:)` for the ASCII
    /// markers the callers look for.
    public func firstByteRange(of needle: String) -> Range<Index>? {
        let bytes = utf8
        let pattern = Array(needle.utf8)
        guard let head = pattern.first else { return nil }
        var start = bytes.startIndex
        while let candidate = bytes[start...].firstIndex(of: head) {
            var cursor = candidate
            var matched = 0
            while matched < pattern.count, cursor < bytes.endIndex, bytes[cursor] == pattern[matched] {
                bytes.formIndex(after: &cursor)
                matched += 1
            }
            if matched == pattern.count { return candidate..<cursor }
            start = bytes.index(after: candidate)
        }
        return nil
    }
}
