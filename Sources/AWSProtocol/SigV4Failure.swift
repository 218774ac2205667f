#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why a request failed SigV4 authentication, typed; rendered once for JSON services
/// (`jsonError`, the types and messages observed on DynamoDB) and once for S3 (`s3Error`, S3's XML
/// error codes). AWS: "Create a signed AWS API request"
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html) describes what is checked.
public enum SigV4Failure: Error, Sendable, Equatable {
    /// No `Authorization` header and no `X-Amz-Algorithm` query parameter, or a header not starting `AWS4-`.
    case missingAuthenticationToken
    /// Both a query-string signature and an `Authorization` header.
    case bothHeaderAndQuery
    /// The `Authorization` header lacks parts; the associated text is the full DynamoDB message.
    case incompleteSignature(String)
    /// The pre-signed query string lacks parameters; the associated text is the full DynamoDB message.
    case incompleteQueryParameters(String)
    /// `X-Amz-Algorithm` is present but not `AWS4-HMAC-SHA256`.
    case unsupportedAlgorithm(String)
    /// `X-Amz-Expires` is not a number, negative, or longer than a week; the text is S3's.
    case invalidExpires(String)
    /// The credential scope names another service than the endpoint's.
    case wrongService(expected: String, found: String, inQuery: Bool)
    /// The credential scope's region is empty.
    case invalidRegion(String)
    /// The credential scope does not end in `aws4_request`.
    case wrongTerminator(String)
    /// The credential scope's date is not the date of `X-Amz-Date`.
    case credentialDateMismatch(scopeDate: String, amzDate: String)
    /// The access key id is not known.
    case unrecognizedClient(accessKeyId: String)
    /// Temporary credentials were used without their session token.
    case missingSessionToken(accessKeyId: String)
    /// The session token does not belong to the access key (or the key takes none).
    case invalidSessionToken(accessKeyId: String)
    /// The signature does not match the one computed with the key's secret.
    case invalidSignature(SigV4Mismatch)
    /// `X-Amz-Date` is more than 15 minutes in the past.
    case signatureExpired(requestDate: Date, now: Date)
    /// `X-Amz-Date` is more than 15 minutes in the future.
    case notYetCurrent(requestDate: Date, now: Date)
    /// A pre-signed URL used after `X-Amz-Date + X-Amz-Expires`.
    case presignedExpired(signedAt: Date, expiresSeconds: Int, now: Date)
    /// A pre-signed URL whose `X-Amz-Date` is more than 15 minutes in the future.
    case presignedNotYetValid(signedAt: Date, now: Date)
    /// S3: `x-amz-content-sha256` is a digest that is not the body's.
    case payloadHashMismatch(provided: String, computed: String)

    /// The maximum clock skew AWS tolerates, in seconds.
    public static let maxSkew: TimeInterval = 900

    static let mismatchText =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
    static let badTokenText = "The security token included in the request is invalid."
}
