/// What SigV4 needs to see of an HTTP request, exactly as it came off the wire: no decoding, no
/// reordering, so the canonical request can be rebuilt byte for byte. Pure value; built by the router.
public struct SigV4Request: Sendable, Equatable {
    /// The request body, or its SHA-256 when the caller already hashed it (or did not keep it).
    public enum Payload: Sendable, Equatable {
        case bytes([UInt8])
        /// Lowercase hex SHA-256 of the body.
        case sha256Hex(String)

        /// Lowercase hex SHA-256 of the body.
        public var sha256Hex: String {
            switch self {
            case .bytes(let bytes): return Digest.sha256Hex(bytes)
            case .sha256Hex(let hex): return hex.lowercased()
            }
        }
    }

    /// One header line as received; the name keeps the client's case.
    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var method: String
    /// The request target's path as sent (still percent-encoded), e.g. `/` or `/bucket/AWSLogs/x%20y`.
    public var rawPath: String
    /// Everything after `?`, as sent, without the `?`; empty when there is none.
    public var rawQuery: String
    /// Header lines in wire order; repeated names stay repeated.
    public var headers: [Header]
    public var payload: Payload

    public init(method: String, rawPath: String, rawQuery: String = "", headers: [Header], payload: Payload = .bytes([])) {
        self.method = method
        self.rawPath = rawPath
        self.rawQuery = rawQuery
        self.headers = headers
        self.payload = payload
    }

    /// Convenience for tests and clients: headers as `(name, value)` pairs in order.
    public init(
        method: String, rawPath: String, rawQuery: String = "", headers: [(String, String)], body: [UInt8] = []
    ) {
        self.init(
            method: method, rawPath: rawPath, rawQuery: rawQuery, headers: headers.map { Header($0.0, $0.1) },
            payload: .bytes(body))
    }

    /// Every value of the header `name` (case-insensitive), in wire order.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { Self.asciiCaseInsensitiveEquals($0.name, name) }.map(\.value)
    }

    /// Header-name equality without allocating lowercased copies (names are ASCII tokens).
    static func asciiCaseInsensitiveEquals(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        for (x, y) in zip(a.utf8, b.utf8) where x != y {
            let lx = (x >= 65 && x <= 90) ? x | 0x20 : x
            let ly = (y >= 65 && y <= 90) ? y | 0x20 : y
            if lx != ly { return false }
        }
        return true
    }

    /// The first value of the header `name` (case-insensitive).
    public func header(_ name: String) -> String? { headerValues(name).first }

    /// Query parameters in wire order, percent-decoded; a parameter without `=` has an empty value.
    public var queryItems: [(name: String, value: String)] {
        SigV4Encoding.queryPairs(rawQuery).map { (SigV4Encoding.percentDecode($0.0), SigV4Encoding.percentDecode($0.1)) }
    }
}
