import Synchronization

/// SigV4's byte-exact steps: canonical request, string to sign, signing key, signature. Used by the
/// verifier to recompute what a client signed, and by tests and tools to sign requests themselves.
public enum SigV4Signer {
    /// How the path becomes the canonical URI.
    public enum PathStyle: Sendable, Equatable {
        /// S3: the path exactly as sent (already encoded once), no normalisation.
        case s3
        /// Every other service, as the SDKs sign (botocore `SigV4Auth`): dot segments and empty segments
        /// removed, then the sent (already encoded) path is encoded again, so `%20` becomes `%2520`.
        case doubleEncoded
        /// The aws-sig-v4-test-suite's view: normalised like `doubleEncoded`, but each segment decoded
        /// first so it is encoded exactly once.
        case singleEncoded

        /// S3 for the `s3` signing name, the double-encoding rule for every other service.
        public static func forService(_ service: String) -> PathStyle { service == "s3" ? .s3 : .doubleEncoded }
    }

    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    /// The canonical URI of a raw path.
    public static func canonicalURI(_ rawPath: String, style: PathStyle) -> String {
        let path = rawPath.isEmpty ? "/" : rawPath
        switch style {
        case .s3:
            return path
        case .doubleEncoded:
            return SigV4Encoding.encode(removeDotSegments(path), keepSlash: true)
        case .singleEncoded:
            let normalized = removeDotSegments(path)
            return normalized.split(separator: "/", omittingEmptySubsequences: false)
                .map { SigV4Encoding.encode(SigV4Encoding.percentDecodeBytes($0)) }
                .joined(separator: "/")
        }
    }

    /// RFC 3986 section 5.2.4 dot-segment removal plus collapsing of empty segments, as botocore does;
    /// a trailing slash stays when something is left.
    static func removeDotSegments(_ path: String) -> String {
        var output: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                if !output.isEmpty { output.removeLast() }
                continue
            }
            output.append(segment)
        }
        let first = path.hasPrefix("/") ? "/" : ""
        let last = path.hasSuffix("/") && !output.isEmpty ? "/" : ""
        return first + output.joined(separator: "/") + last
    }

    /// The canonical query string: each name and value decoded then encoded once, sorted by name then value;
    /// `X-Amz-Signature` left out for pre-signed requests. A literal `+` is taken as `+` (Unverified for AWS).
    public static func canonicalQuery(_ rawQuery: String, excludingSignature: Bool) -> String {
        var pairs: [(String, String)] = []
        for (rawName, rawValue) in SigV4Encoding.queryPairs(rawQuery) {
            let name = SigV4Encoding.encode(SigV4Encoding.percentDecodeBytes(rawName))
            if excludingSignature && name == "X-Amz-Signature" { continue }
            pairs.append((name, SigV4Encoding.encode(SigV4Encoding.percentDecodeBytes(rawValue))))
        }
        pairs.sort { a, b in
            a.0 != b.0
                ? Array(a.0.utf8).lexicographicallyPrecedes(Array(b.0.utf8))
                : Array(a.1.utf8).lexicographicallyPrecedes(Array(b.1.utf8))
        }
        return pairs.map { $0.0 + "=" + $0.1 }.joined(separator: "&")
    }

    /// `name:value\n` for each signed header: every value of that name in wire order, trimmed,
    /// inner runs of spaces collapsed to one, joined with `,`.
    public static func canonicalHeaders(_ request: SigV4Request, signedHeaders: [String]) -> String {
        var out = ""
        for name in signedHeaders {
            let values = request.headerValues(name).map(trimAndCollapse)
            out += name.lowercased() + ":" + values.joined(separator: ",") + "\n"
        }
        return out
    }

    static func trimAndCollapse(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            if byte == 0x20 || byte == 0x09 {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The payload line: S3 takes `x-amz-content-sha256` as sent (or `UNSIGNED-PAYLOAD` for a pre-signed URL
    /// without it); every other service hashes the body.
    public static func payloadHash(_ request: SigV4Request, style: PathStyle, presigned: Bool) -> String {
        if style == .s3 {
            if let declared = request.header("x-amz-content-sha256") { return declared }
            if presigned { return unsignedPayload }
        }
        return request.payload.sha256Hex
    }

    /// The canonical request, lines joined by `\n` (no trailing newline).
    public static func canonicalRequest(
        _ request: SigV4Request, signedHeaders: [String], style: PathStyle, presigned: Bool
    ) -> String {
        [
            request.method.uppercased(),
            canonicalURI(request.rawPath, style: style),
            canonicalQuery(request.rawQuery, excludingSignature: presigned),
            canonicalHeaders(request, signedHeaders: signedHeaders),
            signedHeaders.joined(separator: ";"),
            payloadHash(request, style: style, presigned: presigned),
        ].joined(separator: "\n")
    }

    /// `AWS4-HMAC-SHA256\n<amzDate>\n<scope>\n<hex sha256 of the canonical request>`.
    public static func stringToSign(amzDate: String, scope: String, canonicalRequest: String) -> String {
        SigV4Authorization.algorithmName + "\n" + amzDate + "\n" + scope + "\n"
            + Digest.sha256Hex(Array(canonicalRequest.utf8))
    }

    /// `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
    /// Signing keys by secret, date, region and service: one key serves a client all day, and the four
    /// HMACs cost more than the rest of a verification. Cleared when it grows past 1,024 entries.
    private static let signingKeys = Mutex<[String: [UInt8]]>([:])

    public static func signingKey(secret: String, date: String, region: String, service: String) -> [UInt8] {
        let cacheKey = "\(secret)\u{0}\(date)\u{0}\(region)\u{0}\(service)"
        if let key = signingKeys.withLock({ $0[cacheKey] }) { return key }
        let key = deriveSigningKey(secret: secret, date: date, region: region, service: service)
        signingKeys.withLock { cache in
            if cache.count >= 1024 { cache.removeAll() }
            cache[cacheKey] = key
        }
        return key
    }

    /// `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
    static func deriveSigningKey(secret: String, date: String, region: String, service: String) -> [UInt8] {
        var key = Digest.hmacSHA256(key: Array(("AWS4" + secret).utf8), message: Array(date.utf8))
        for part in [region, service, "aws4_request"] {
            key = Digest.hmacSHA256(key: key, message: Array(part.utf8))
        }
        return key
    }

    /// Lowercase hex HMAC of the string to sign under the signing key.
    public static func signature(signingKey: [UInt8], stringToSign: String) -> String {
        Hex.encode(Digest.hmacSHA256(key: signingKey, message: Array(stringToSign.utf8)))
    }

    /// Signs `request` as an SDK would: returns the `Authorization` header value for the given headers
    /// (which must already include `host` and `x-amz-date`). For tests and local tools.
    public static func authorizationHeader(
        for request: SigV4Request, accessKeyId: String, secret: String, region: String, service: String,
        amzDate: String, signedHeaders: [String]? = nil
    ) -> String {
        let names = signedHeaders ?? Array(Set(request.headers.map { $0.name.lowercased() })).sorted()
        let scope = "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
        let canonical = canonicalRequest(request, signedHeaders: names, style: .forService(service), presigned: false)
        let toSign = stringToSign(amzDate: amzDate, scope: scope, canonicalRequest: canonical)
        let key = signingKey(secret: secret, date: String(amzDate.prefix(8)), region: region, service: service)
        return
            "AWS4-HMAC-SHA256 Credential=\(accessKeyId)/\(scope), SignedHeaders=\(names.joined(separator: ";")), Signature=\(signature(signingKey: key, stringToSign: toSign))"
    }

    /// Pre-signs `request` (signing only `host`, as `generate_presigned_url` does): returns the raw query
    /// to send, the original query plus the `X-Amz-*` parameters and the signature last.
    public static func presignedQuery(
        for request: SigV4Request, accessKeyId: String, secret: String, region: String, service: String,
        amzDate: String, expires: Int, sessionToken: String? = nil
    ) -> String {
        let scope = "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
        var parameters = [
            "X-Amz-Algorithm=AWS4-HMAC-SHA256",
            "X-Amz-Credential=" + SigV4Encoding.encode(accessKeyId + "/" + scope),
            "X-Amz-Date=" + amzDate, "X-Amz-Expires=" + String(expires),
        ]
        if let sessionToken { parameters.append("X-Amz-Security-Token=" + SigV4Encoding.encode(sessionToken)) }
        parameters.append("X-Amz-SignedHeaders=host")
        var signed = request
        signed.rawQuery = ([request.rawQuery].filter { !$0.isEmpty } + parameters).joined(separator: "&")
        let canonical = canonicalRequest(signed, signedHeaders: ["host"], style: .forService(service), presigned: true)
        let toSign = stringToSign(amzDate: amzDate, scope: scope, canonicalRequest: canonical)
        let key = signingKey(secret: secret, date: String(amzDate.prefix(8)), region: region, service: service)
        return signed.rawQuery + "&X-Amz-Signature=" + signature(signingKey: key, stringToSign: toSign)
    }
}
