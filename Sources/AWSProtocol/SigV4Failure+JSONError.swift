#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SigV4Failure {
    /// The error a JSON-protocol service (DynamoDB, Streams, CloudTrail) answers: Coral's
    /// `com.amazon.coral.service#…` type, lowercase `message`, HTTP 400: observed DynamoDB behaviour
    /// (bodies recorded from the live service 2015–2020; AWS: "Error handling with DynamoDB",
    /// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html).
    public var jsonError: AWSServiceError {
        switch self {
        case .missingAuthenticationToken:
            return .coral("MissingAuthenticationTokenException", "Request is missing Authentication Token")
        case .bothHeaderAndQuery:
            return .coral(
                "InvalidSignatureException",
                "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.")
        case .incompleteSignature(let message), .incompleteQueryParameters(let message):
            return .coral("IncompleteSignatureException", message)
        case .unsupportedAlgorithm:
            // Unverified: DynamoDB's answer to an unknown X-Amz-Algorithm was not captured; treated as absent.
            return .coral(
                "IncompleteSignatureException",
                "AWS query-string parameters must include 'X-Amz-Algorithm'. Re-examine the query-string parameters.")
        case .invalidExpires(let message):
            // Unverified: the JSON services' text for a bad X-Amz-Expires was not captured; S3's text is used.
            return .coral("IncompleteSignatureException", message)
        case .wrongService(let expected, _, _):
            // Observed on several Coral services (issues aws/aws-sdk-ruby#431, JuliaCloud/AWS.jl#334); note the trailing space.
            return .coral("InvalidSignatureException", "Credential should be scoped to correct service: '\(expected)'. ")
        case .invalidRegion(let region):
            // Wording seen from AWS ("Credential should be scoped to a valid region, not 'us-west-1'", aws/aws-sdk-java#1097).
            return .coral("InvalidSignatureException", "Credential should be scoped to a valid region, not '\(region)'. ")
        case .wrongTerminator(let terminator):
            // Unverified: wording by analogy with the service-scope message.
            return .coral(
                "InvalidSignatureException",
                "Credential should be scoped with a valid terminator: 'aws4_request', not '\(terminator)'. ")
        case .credentialDateMismatch(let scopeDate, let amzDate):
            // Unverified: AWS's generic SigV4 wording, not captured from DynamoDB.
            return .coral(
                "InvalidSignatureException",
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '\(scopeDate)' != '\(amzDate.prefix(8))', from '\(amzDate)'."
            )
        case .unrecognizedClient, .missingSessionToken, .invalidSessionToken:
            return .coral("UnrecognizedClientException", Self.badTokenText)
        case .invalidSignature, .payloadHashMismatch:
            return .coral("InvalidSignatureException", Self.mismatchText)
        case .signatureExpired(let requestDate, let now):
            return .coral(
                "InvalidSignatureException",
                "Signature expired: \(SigV4Date.basic(requestDate)) is now earlier than \(SigV4Date.basic(now - Self.maxSkew)) (\(SigV4Date.basic(now)) - 15 min.)"
            )
        case .notYetCurrent(let requestDate, let now), .presignedNotYetValid(let requestDate, let now):
            return .coral(
                "InvalidSignatureException",
                "Signature not yet current: \(SigV4Date.basic(requestDate)) is still later than \(SigV4Date.basic(now + Self.maxSkew)) (\(SigV4Date.basic(now)) + 15 min.)"
            )
        case .presignedExpired(let signedAt, let expires, let now):
            // Unverified: DynamoDB's text for an expired pre-signed URL was not captured; the
            // "Signature expired" form is reused with the URL's expiry instead of the skew window.
            return .coral(
                "InvalidSignatureException",
                "Signature expired: \(SigV4Date.basic(signedAt + TimeInterval(expires))) is now earlier than \(SigV4Date.basic(now))."
            )
        }
    }
}
