import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The contents of one digest file and the rules that name and sign it (AWS: "CloudTrail digest file
/// structure", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html,
/// and "Custom implementations of CloudTrail log file integrity validation").
/// Pure: no I/O, no clock.
public struct DigestFile: Sendable, Equatable {
    public var account: String
    public var startTime: Date
    public var endTime: Date
    public var bucket: String
    /// This digest's own key (including any prefix): `digestS3Object`.
    public var key: String
    public var fingerprint: String
    public var logFiles: [DigestLogFile]
    /// Nil for the first digest of a chain: every `previous*` field is then `null`.
    public var previous: PreviousDigest?

    public init(
        account: String, startTime: Date, endTime: Date, bucket: String, key: String, fingerprint: String,
        logFiles: [DigestLogFile], previous: PreviousDigest?
    ) {
        self.account = account
        self.startTime = startTime
        self.endTime = endTime
        self.bucket = bucket
        self.key = key
        self.fingerprint = fingerprint
        self.logFiles = logFiles
        self.previous = previous
    }

    public static let signatureAlgorithm = "SHA256withRSA"
    public static let hashAlgorithm = "SHA-256"

    /// `[<prefix>/]AWSLogs/[<orgId>/]<acct>/CloudTrail-Digest/<region>/YYYY/MM/DD/<acct>_CloudTrail-Digest_<region>_<trail>_<home>_YYYYMMDDTHHMMSSZ.json.gz`,
    /// with both the date folders and the stamp taken from `digestEndTime` ("CloudTrail digest file
    /// structure"; the CLI reads the stamp with `key[-24:-8]`).
    public static func key(
        prefix: String, organizationId: String?, account: String, region: String, trailName: String, homeRegion: String,
        endTime: Date
    ) -> String {
        let time = UTCTime(endTime)
        let file = "\(account)_CloudTrail-Digest_\(region)_\(trailName)_\(homeRegion)_\(DigestTime.stamp(endTime)).json.gz"
        return
            "\(LogFileKey.root(prefix: prefix, organizationId: organizationId))\(account)/CloudTrail-Digest/\(region)/\(time.folderPath)/\(file)"
    }

    /// The digest JSON, compact, fields in the order of AWS's example digest. These exact bytes are
    /// hashed for the signature and gzipped into the file: never re-serialise in between. (Whether
    /// AWS writes digests compact is Unverified; the CLI hashes whatever bytes are there.)
    public func jsonBytes() -> [UInt8] {
        var object = JSONObject()
        object.append("awsAccountId", .string(account))
        object.append("digestStartTime", .string(DigestTime.iso(startTime)))
        object.append("digestEndTime", .string(DigestTime.iso(endTime)))
        object.append("digestS3Bucket", .string(bucket))
        object.append("digestS3Object", .string(key))
        object.append("digestPublicKeyFingerprint", .string(fingerprint))
        object.append("digestSignatureAlgorithm", .string(Self.signatureAlgorithm))
        let newest = logFiles.map(\.newestEventTime).max()
        let oldest = logFiles.map(\.oldestEventTime).min()
        object.append("newestEventTime", newest.map { .string(DigestTime.iso($0)) } ?? .null)
        object.append("oldestEventTime", oldest.map { .string(DigestTime.iso($0)) } ?? .null)
        object.append("previousDigestS3Bucket", previous.map { .string($0.bucket) } ?? .null)
        object.append("previousDigestS3Object", previous.map { .string($0.key) } ?? .null)
        object.append("previousDigestHashValue", previous.map { .string($0.sha256Hex) } ?? .null)
        object.append("previousDigestHashAlgorithm", previous.map { _ in .string(Self.hashAlgorithm) } ?? .null)
        object.append("previousDigestSignature", previous.map { .string($0.signatureHex) } ?? .null)
        object.append(
            "logFiles",
            .array(
                logFiles.map { file in
                    .object(
                        JSONObject([
                            "s3Bucket": .string(file.bucket), "s3Object": .string(file.key), "hashValue": .string(file.sha256Hex),
                            "hashAlgorithm": .string(Self.hashAlgorithm),
                            "newestEventTime": .string(DigestTime.iso(file.newestEventTime)),
                            "oldestEventTime": .string(DigestTime.iso(file.oldestEventTime)),
                        ]))
                }))
        return JSONWriter.bytes(.object(object))
    }

    /// The exact bytes signed ("Custom implementations of CloudTrail log file integrity validation";
    /// the AWS CLI's `_create_string_to_sign`):
    /// `digestEndTime \n bucket/key \n hex(sha256(uncompressed digest)) \n previousSignature-or-"null"`.
    public static func stringToSign(
        endTime: String, bucket: String, key: String, digestSHA256Hex: String, previousSignatureHex: String?
    ) -> [UInt8] {
        Array("\(endTime)\n\(bucket)/\(key)\n\(digestSHA256Hex)\n\(previousSignatureHex ?? "null")".utf8)
    }

    /// Signs this digest's bytes: returns the uncompressed body, its hex SHA-256 and the hex signature.
    public func signed(with key: SigningKey) throws(SigningKeyError) -> (body: [UInt8], sha256Hex: String, signatureHex: String) {
        let body = jsonBytes()
        let hash = Digest.sha256Hex(body)
        let message = Self.stringToSign(
            endTime: DigestTime.iso(endTime), bucket: bucket, key: self.key, digestSHA256Hex: hash,
            previousSignatureHex: previous?.signatureHex)
        return (body, hash, Hex.encode(try key.sign(message)))
    }
}
