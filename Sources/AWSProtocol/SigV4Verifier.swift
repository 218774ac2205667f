#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The checks that need a clock or a secret, in AWS's order: credential scope, time, then signature.
/// Pure: the caller supplies `now` and the secret it looked up.
public enum SigV4Verifier {
    /// Scope checks: the service must be `expectedService`, the region a valid name (`AWSRegionName`:
    /// DynamoTrail serves every region), the terminator `aws4_request`, and the scope date that of `X-Amz-Date`.
    public static func checkScope(_ auth: SigV4Authorization, expectedService: String) -> SigV4Failure? {
        if auth.service != expectedService {
            return .wrongService(expected: expectedService, found: auth.service, inQuery: auth.source == .query)
        }
        if !AWSRegionName.isValid(auth.region) { return .invalidRegion(auth.region) }
        if auth.terminator != "aws4_request" { return .wrongTerminator(auth.terminator) }
        if auth.scopeDate != String(auth.amzDate.prefix(8)) {
            return .credentialDateMismatch(scopeDate: auth.scopeDate, amzDate: auth.amzDate)
        }
        return nil
    }

    /// Time checks: a header signature must be within 15 minutes of `now`; a pre-signed URL must not be
    /// used before `X-Amz-Date - 15 min` nor after `X-Amz-Date + X-Amz-Expires`. A pre-signed URL without
    /// `X-Amz-Expires` (accepted by the JSON services) gets the 15-minute window.
    public static func checkTime(_ auth: SigV4Authorization, now: Date) -> SigV4Failure? {
        let skew = SigV4Failure.maxSkew
        if auth.source == .query, let expires = auth.expires {
            if auth.requestDate > now + skew { return .presignedNotYetValid(signedAt: auth.requestDate, now: now) }
            if now > auth.requestDate + TimeInterval(expires) {
                return .presignedExpired(signedAt: auth.requestDate, expiresSeconds: expires, now: now)
            }
            return nil
        }
        if auth.requestDate < now - skew { return .signatureExpired(requestDate: auth.requestDate, now: now) }
        if auth.requestDate > now + skew { return .notYetCurrent(requestDate: auth.requestDate, now: now) }
        return nil
    }

    /// Recomputes the signature with `secret` and compares; for S3 also checks a hex `x-amz-content-sha256`
    /// against the body when the body is known.
    public static func checkSignature(
        _ auth: SigV4Authorization, request: SigV4Request, secret: String, style: SigV4Signer.PathStyle
    ) -> SigV4Failure? {
        let presigned = auth.source == .query
        if style == .s3, let declared = request.header("x-amz-content-sha256"), case .bytes(let body) = request.payload,
            declared.utf8.count == 64, Hex.decode(declared) != nil
        {
            let computed = Digest.sha256Hex(body)
            if declared.lowercased() != computed { return .payloadHashMismatch(provided: declared, computed: computed) }
        }
        let canonical = SigV4Signer.canonicalRequest(
            request, signedHeaders: auth.signedHeaders, style: style, presigned: presigned)
        let toSign = SigV4Signer.stringToSign(amzDate: auth.amzDate, scope: auth.credentialScope, canonicalRequest: canonical)
        let key = SigV4Signer.signingKey(
            secret: secret, date: auth.scopeDate, region: auth.region, service: auth.service)
        let expected = SigV4Signer.signature(signingKey: key, stringToSign: toSign)
        if constantTimeEqual(expected, auth.signature.lowercased()) { return nil }
        return .invalidSignature(
            SigV4Mismatch(
                accessKeyId: auth.accessKeyId, signatureProvided: auth.signature, stringToSign: toSign,
                canonicalRequest: canonical))
    }

    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let lhsBytes = Array(lhs.utf8)
        let rhsBytes = Array(rhs.utf8)
        guard lhsBytes.count == rhsBytes.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<lhsBytes.count { difference |= lhsBytes[i] ^ rhsBytes[i] }
        return difference == 0
    }
}
