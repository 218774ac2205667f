/// What S3 needs to explain a signature mismatch: the key, the signature sent and what we signed.
public struct SigV4Mismatch: Sendable, Equatable {
    public var accessKeyId: String
    public var signatureProvided: String
    public var stringToSign: String
    public var canonicalRequest: String

    public init(accessKeyId: String, signatureProvided: String, stringToSign: String, canonicalRequest: String) {
        self.accessKeyId = accessKeyId
        self.signatureProvided = signatureProvided
        self.stringToSign = stringToSign
        self.canonicalRequest = canonicalRequest
    }
}
