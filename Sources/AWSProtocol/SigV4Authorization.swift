#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The SigV4 parameters of one request, from its `Authorization` header or its pre-signed query string:
/// who signed (access key, scope), what (signed headers), when (`X-Amz-Date`) and the signature.
public struct SigV4Authorization: Sendable, Equatable {
    /// Where the signature travelled.
    public enum Source: Sendable, Equatable { case header, query }

    public static let algorithmName = "AWS4-HMAC-SHA256"

    public var source: Source
    public var algorithm: String
    public var accessKeyId: String
    /// The scope's `yyyyMMdd`.
    public var scopeDate: String
    public var region: String
    public var service: String
    /// The scope's last element, `aws4_request` when well formed.
    public var terminator: String
    /// Lowercase header names in the order the client listed them.
    public var signedHeaders: [String]
    public var signature: String
    /// The request time in the basic form the string to sign uses (`X-Amz-Date`, or `Date` reformatted).
    public var amzDate: String
    public var requestDate: Date
    /// `X-Amz-Expires` in seconds (pre-signed URLs only).
    public var expires: Int?
    /// `X-Amz-Security-Token` from the header or query string.
    public var sessionToken: String?

    /// `yyyyMMdd/region/service/aws4_request`.
    public var credentialScope: String { "\(scopeDate)/\(region)/\(service)/\(terminator)" }

    /// Reads the request's SigV4 parameters: `.success(nil)` when it carries none (unsigned), a typed
    /// failure when they are incomplete or contradictory (the checks and wording observed on DynamoDB,
    /// recorded from the live service 2015–2020), otherwise the parameters.
    public static func parse(_ request: SigV4Request) -> Result<SigV4Authorization?, SigV4Failure> {
        let query = request.queryItems
        let header = request.header("Authorization")
        let hasQueryAlgorithm = query.contains { $0.name == "X-Amz-Algorithm" }
        if header != nil && hasQueryAlgorithm { return .failure(.bothHeaderAndQuery) }
        if let header { return parseHeader(header, request).map { Optional($0) } }
        if hasQueryAlgorithm { return parseQuery(query).map { Optional($0) } }
        return .success(nil)
    }

    /// `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`; parts may be separated by `,`, `, ` or spaces.
    static func parseHeader(_ value: String, _ request: SigV4Request) -> Result<SigV4Authorization, SigV4Failure> {
        guard value.hasPrefix("AWS4-") else { return .failure(.missingAuthenticationToken) }
        // Split on bytes, not Characters: grapheme breaking made this the costliest step of verification.
        let bytes = Array(value.utf8)
        var tokens: [ArraySlice<UInt8>] = []
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == 0x20 || byte == 0x2C || byte == 0x09 {
            if i > start { tokens.append(bytes[start..<i]) }
            start = i + 1
        }
        if start < bytes.count { tokens.append(bytes[start...]) }
        let algorithm = tokens.first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        var parameters: [String: String] = [:]
        for token in tokens.dropFirst() {
            guard let eq = token.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = String(decoding: token[token.startIndex..<eq], as: UTF8.self)
            if parameters[name] == nil { parameters[name] = String(decoding: token[(eq + 1)...], as: UTF8.self) }
        }
        func present(_ name: String) -> String? {
            guard let value = parameters[name], !value.isEmpty else { return nil }
            return value
        }
        let date = requestDate(request)
        var missing: [String] = []
        if present("Credential") == nil { missing.append("Authorization header requires 'Credential' parameter.") }
        if present("Signature") == nil { missing.append("Authorization header requires 'Signature' parameter.") }
        if present("SignedHeaders") == nil {
            missing.append("Authorization header requires 'SignedHeaders' parameter.")
        }
        if date == nil {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
        }
        guard missing.isEmpty, let credential = present("Credential"), let signature = present("Signature"),
            let signedHeaders = present("SignedHeaders"), let date
        else {
            return .failure(.incompleteSignature(missing.joined(separator: " ") + " Authorization=" + value))
        }
        return build(
            source: .header, algorithm: algorithm, credential: credential, signedHeaders: signedHeaders,
            signature: signature, date: date, expires: nil, token: request.header("X-Amz-Security-Token"))
    }

    /// `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Signature`, `X-Amz-SignedHeaders`, `X-Amz-Date`
    /// (required, in the order DynamoDB lists them), `X-Amz-Expires`, `X-Amz-Security-Token`.
    static func parseQuery(_ items: [(name: String, value: String)]) -> Result<SigV4Authorization, SigV4Failure> {
        func value(_ name: String) -> String? {
            guard let found = items.first(where: { $0.name == name })?.value, !found.isEmpty else { return nil }
            return found
        }
        let algorithm = value("X-Amz-Algorithm")
        let date = value("X-Amz-Date").flatMap { raw in SigV4Date.parseBasic(raw).map { (raw, $0) } }
        var missing: [String] = []
        if algorithm == nil { missing.append("X-Amz-Algorithm") }
        if value("X-Amz-Credential") == nil { missing.append("X-Amz-Credential") }
        if value("X-Amz-Signature") == nil { missing.append("X-Amz-Signature") }
        if value("X-Amz-SignedHeaders") == nil { missing.append("X-Amz-SignedHeaders") }
        // Unverified: an unparseable X-Amz-Date is reported as a missing one.
        if date == nil { missing.append("X-Amz-Date") }
        guard missing.isEmpty, let algorithm, let credential = value("X-Amz-Credential"),
            let signature = value("X-Amz-Signature"), let signedHeaders = value("X-Amz-SignedHeaders"), let date
        else {
            let text = missing.map { "AWS query-string parameters must include '\($0)'." }.joined(separator: " ")
            return .failure(.incompleteQueryParameters(text + " Re-examine the query-string parameters."))
        }
        guard algorithm == algorithmName else { return .failure(.unsupportedAlgorithm(algorithm)) }
        var expires: Int?
        if let rawExpires = items.first(where: { $0.name == "X-Amz-Expires" })?.value {
            guard let seconds = Int(rawExpires) else {
                return .failure(.invalidExpires("X-Amz-Expires should be a number"))
            }
            guard seconds >= 0 else { return .failure(.invalidExpires("X-Amz-Expires must be non-negative")) }
            guard seconds <= 604_800 else {
                return .failure(.invalidExpires("X-Amz-Expires must be less than a week (in seconds) that is 604800"))
            }
            expires = seconds
        }
        return build(
            source: .query, algorithm: algorithm, credential: credential, signedHeaders: signedHeaders,
            signature: signature, date: date, expires: expires, token: value("X-Amz-Security-Token"))
    }

    /// `X-Amz-Date` when present (it must parse), else an RFC 1123 `Date` header.
    static func requestDate(_ request: SigV4Request) -> (String, Date)? {
        if let amz = request.header("X-Amz-Date") {
            // Unverified: an unparseable X-Amz-Date is reported as a missing date.
            return SigV4Date.parseBasic(amz).map { (amz, $0) }
        }
        if let http = request.header("Date"), let date = SigV4Date.parseHTTP(http) {
            return (SigV4Date.basic(date), date)
        }
        return nil
    }

    static func build(
        source: Source, algorithm: String, credential: String, signedHeaders: String, signature: String,
        date: (String, Date), expires: Int?, token: String?
    ) -> Result<SigV4Authorization, SigV4Failure> {
        let parts = credential.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        guard parts.count == 5 else {
            // Unverified: AWS's generic SigV4 wording for a malformed credential.
            let text =
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '\(credential)'"
            return .failure(
                source == .header
                    ? .incompleteSignature(text) : .incompleteQueryParameters(text))
        }
        return .success(
            SigV4Authorization(
                source: source, algorithm: algorithm, accessKeyId: parts[0], scopeDate: parts[1], region: parts[2],
                service: parts[3], terminator: parts[4],
                signedHeaders: signedHeaders.utf8.split(separator: UInt8(ascii: ";")).map { String(decoding: $0, as: UTF8.self) },
                signature: signature, amzDate: date.0, requestDate: date.1, expires: expires, sessionToken: token))
    }
}
