#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SigV4Failure {
    /// The error S3 answers: XML `<Error><Code>…</Code><Message>…</Message>…</Error>` with these extra elements.
    /// One case, one S3 error: a declarative table, kept whole (over 80 lines) so the cases read side by side.
    /// AWS: Amazon S3 API Reference, "Error responses" (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
    public var s3Error: SigV4S3Error {
        switch self {
        case .missingAuthenticationToken:
            // S3 treats an unsigned request as anonymous; with no bucket policy it is denied.
            return SigV4S3Error("AccessDenied", "Access Denied", 403)
        case .bothHeaderAndQuery:
            // Code and opening words corroborated by client code working around S3; the rest is recalled (Unverified).
            return SigV4S3Error(
                "InvalidArgument",
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified",
                400, [.init("ArgumentName", "Authorization")])
        case .incompleteSignature:
            // Unverified (recalled S3 wording).
            return SigV4S3Error(
                "AuthorizationHeaderMalformed",
                "The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.",
                400)
        case .incompleteQueryParameters:
            return SigV4S3Error(
                "AuthorizationQueryParametersError",
                "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.",
                400)
        case .unsupportedAlgorithm:
            return SigV4S3Error(
                "AuthorizationQueryParametersError", "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"", 400)
        case .invalidExpires(let message):
            return SigV4S3Error("AuthorizationQueryParametersError", message, 400)
        case .wrongService(let expected, let found, let inQuery):
            // Unverified (recalled S3 wording).
            return inQuery
                ? SigV4S3Error(
                    "AuthorizationQueryParametersError",
                    "Error parsing the X-Amz-Credential parameter; incorrect service \"\(found)\". This endpoint belongs to \"\(expected)\".",
                    400)
                : SigV4S3Error(
                    "AuthorizationHeaderMalformed",
                    "The authorization header is malformed; incorrect service \"\(found)\". This endpoint belongs to \"\(expected)\".",
                    400)
        case .invalidRegion:
            // Unverified (recalled S3 wording).
            return SigV4S3Error(
                "AuthorizationHeaderMalformed",
                "The authorization header is malformed; a non-empty Region must be provided in the credential.", 400)
        case .wrongTerminator(let terminator):
            return SigV4S3Error(
                "AuthorizationHeaderMalformed",
                "The authorization header is malformed; incorrect terminal \"\(terminator)\". This endpoint uses \"aws4_request\".",
                400)
        case .credentialDateMismatch:
            return SigV4S3Error(
                "AuthorizationHeaderMalformed",
                "The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date.", 400)
        case .unrecognizedClient(let key), .missingSessionToken(let key):
            return SigV4S3Error(
                "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403,
                [.init("AWSAccessKeyId", key)])
        case .invalidSessionToken:
            return SigV4S3Error("InvalidToken", "The provided token is malformed or otherwise invalid.", 400)
        case .invalidSignature(let mismatch):
            return SigV4S3Error(
                "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
                403,
                [
                    .init("AWSAccessKeyId", mismatch.accessKeyId), .init("StringToSign", mismatch.stringToSign),
                    .init("SignatureProvided", mismatch.signatureProvided),
                    .init("StringToSignBytes", Self.spacedHex(mismatch.stringToSign)),
                    .init("CanonicalRequest", mismatch.canonicalRequest),
                    .init("CanonicalRequestBytes", Self.spacedHex(mismatch.canonicalRequest)),
                ])
        case .signatureExpired(let requestDate, let now), .notYetCurrent(let requestDate, let now):
            return SigV4S3Error(
                "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.",
                403,
                [
                    .init("RequestTime", SigV4Date.basic(requestDate)), .init("ServerTime", SigV4Date.extended(now)),
                    .init("MaxAllowedSkewMilliseconds", "900000"),
                ])
        case .presignedExpired(let signedAt, let expires, let now):
            return SigV4S3Error(
                "AccessDenied", "Request has expired", 403,
                [
                    .init("X-Amz-Expires", String(expires)),
                    .init("Expires", SigV4Date.extended(signedAt + TimeInterval(expires))),
                    .init("ServerTime", SigV4Date.extended(now)),
                ])
        case .presignedNotYetValid(let signedAt, let now):
            // Unverified for S3 itself: the wording is what S3-compatible servers (MinIO and others) answer.
            return SigV4S3Error(
                "AccessDenied", "Request is not valid yet", 403,
                [.init("X-Amz-Date", SigV4Date.basic(signedAt)), .init("ServerTime", SigV4Date.extended(now))])
        case .payloadHashMismatch(let provided, let computed):
            return SigV4S3Error(
                "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.",
                400, [.init("ClientComputedContentSHA256", provided), .init("S3ComputedContentSHA256", computed)])
        }
    }

    /// S3's `…Bytes` form: each byte as two lowercase hex digits, separated by spaces.
    static func spacedHex(_ text: String) -> String {
        text.utf8.map { Hex.encode([$0]) }.joined(separator: " ")
    }
}
