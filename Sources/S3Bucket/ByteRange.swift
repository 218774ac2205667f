/// A `Range: bytes=…` request header resolved against an object's size (RFC 9110, section 14
/// "Range Requests", as S3 applies it): `first-last`, `first-` and `-suffix`; one range only. A header
/// S3 would ignore (bad syntax, several ranges, another unit) resolves to nil, so the whole object is
/// served with 200.
public struct ByteRange: Sendable, Equatable {
    /// Offset of the first byte served.
    public var first: Int
    /// Offset of the last byte served (inclusive).
    public var last: Int

    public var count: Int { last - first + 1 }

    public init(first: Int, last: Int) {
        self.first = first
        self.last = last
    }

    /// `bytes first-last/size`, the `Content-Range` of a 206 answer.
    public func contentRange(size: Int) -> String { "bytes \(first)-\(last)/\(size)" }

    /// The range to serve: `.success(nil)` for "serve everything", `.failure(.invalidRange)` when the range
    /// is well formed but starts at or past the end (or is an empty suffix), as S3 answers with 416.
    public static func resolve(_ header: String?, size: Int) -> Result<ByteRange?, S3Error> {
        guard let header else { return .success(nil) }
        let trimmed = header.trimmingSpaces
        guard trimmed.lowercased().hasPrefix("bytes=") else { return .success(nil) }
        let spec = trimmed.dropFirst("bytes=".count).trimmingSpaces
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .success(nil) }
        let firstText = spec[..<dash].trimmingSpaces
        let lastText = spec[spec.index(after: dash)...].trimmingSpaces
        let unsatisfiable = S3Error.invalidRange(requested: header, size: size)
        if firstText.isEmpty {
            // Suffix range: the last N bytes.
            guard let suffix = decimal(lastText) else { return .success(nil) }
            guard suffix > 0, size > 0 else { return .failure(unsatisfiable) }
            return .success(ByteRange(first: max(0, size - suffix), last: size - 1))
        }
        guard let first = decimal(firstText) else { return .success(nil) }
        var last = size - 1
        if !lastText.isEmpty {
            guard let requestedLast = decimal(lastText), requestedLast >= first else { return .success(nil) }
            last = min(requestedLast, size - 1)
        }
        guard first < size else { return .failure(unsatisfiable) }
        return .success(ByteRange(first: first, last: last))
    }

    /// A non-negative decimal of ASCII digits, saturating instead of overflowing; nil otherwise.
    static func decimal(_ text: Substring) -> Int? {
        guard !text.isEmpty else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard byte >= 48 && byte <= 57 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(byte - 48))
            value = (o1 || o2) ? Int.max : sum
        }
        return value
    }
}
