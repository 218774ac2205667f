import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Checking one digest and the log files it lists, in the CLI's order and with its verdict wording.
extension LogValidator {
    /// What loading one digest found.
    enum DigestOutcome {
        case valid(JSONValue, start: Date, end: Date, body: [UInt8], signature: String)
        case missing
        case invalid(String)
    }

    /// The link a newer digest holds to this one (`previousDigestHashValue`, `previousDigestSignature`).
    typealias ExpectedLink = (sha256: String?, signature: String?)

    static let requiredKeys = [
        "digestPublicKeyFingerprint", "digestS3Bucket", "digestS3Object", "previousDigestSignature", "digestEndTime",
        "digestStartTime",
    ]

    /// `DigestProvider.fetch_digest` + `DigestTraverser._load_and_validate_digest`, in the CLI's order.
    func loadDigest(
        _ key: String, bucket: String, publicKeys: [String: [UInt8]], homeRegion: String, expected: ExpectedLink?
    ) -> DigestOutcome {
        let location = "Digest file\ts3://\(bucket)/\(key)\t"
        guard Self.isSafe(key), let bytes = (try? FileIO.readFile(FileIO.join(bucketRoot, key))) ?? nil else { return .missing }
        guard let body = try? Gzip.decompress(bytes), let digest = try? JSONParser.parse(body), digest.objectValue != nil else {
            return .invalid(location + "INVALID: invalid format")
        }
        let sidecar = state.sidecarPath(forKey: key)
        guard let metaBytes = (try? FileIO.readFile(sidecar)) ?? nil, let metadata = try? ObjectMetadata.decode(metaBytes),
            let signature = metadata.userMetadata["signature"], metadata.userMetadata["signature-algorithm"] != nil
        else {
            return .invalid(location + "INVALID: signature verification failed")
        }
        guard Self.requiredKeys.allSatisfy({ digest[$0] != nil }), digest["logFiles"]?.arrayValue != nil else {
            return .invalid(location + "INVALID: invalid format")
        }
        guard digest["digestS3Bucket"]?.stringValue == bucket, digest["digestS3Object"]?.stringValue == key else {
            return .invalid(location + "INVALID: has been moved from its original location")
        }
        if let failure = verifySignature(
            digest, body: body, signature: signature, bucket: bucket, key: key, publicKeys: publicKeys,
            homeRegion: homeRegion)
        {
            return .invalid(location + failure)
        }
        let endText = digest["digestEndTime"]?.stringValue ?? ""  // a string: `verifySignature` made sure
        guard let end = DigestTime.parseISO(endText) else {
            return .invalid(location + "INVALID: Unable to parse date value: \(endText)")
        }
        let startText = digest["digestStartTime"]?.stringValue ?? ""
        guard let start = DigestTime.parseISO(startText) else {
            return .invalid(location + "INVALID: Unable to parse date value: \(startText)")
        }
        // Beyond the CLI: the link from the newer digest must match this one exactly.
        if let expected {
            if let hash = expected.sha256, hash != Digest.sha256Hex(body) {
                return .invalid(location + "INVALID: hash value doesn't match")
            }
            if let previous = expected.signature, previous != signature {
                return .invalid(location + "INVALID: signature verification failed")
            }
        }
        return .valid(digest, start: start, end: end, body: body, signature: signature)
    }

    /// Checks the digest's signature with the key of its fingerprint; nil when it holds, else the verdict.
    private func verifySignature(
        _ digest: JSONValue, body: [UInt8], signature: String, bucket: String, key: String, publicKeys: [String: [UInt8]],
        homeRegion: String
    ) -> String? {
        let fingerprint =
            digest["digestPublicKeyFingerprint"]?.stringValue ?? JSONWriter.string(digest["digestPublicKeyFingerprint"] ?? .null)
        guard let publicKey = publicKeys[fingerprint] else {
            return "INVALID: public key not found in region \(homeRegion) for fingerprint \(fingerprint)"
        }
        let previousSignature: String?
        switch digest["previousDigestSignature"] {
        case .string(let text): previousSignature = text
        default: previousSignature = nil
        }
        guard let endText = digest["digestEndTime"]?.stringValue, let signatureBytes = Hex.decode(signature),
            digest["previousDigestSignature"]?.isNull == true || previousSignature != nil
        else {
            return "INVALID: signature verification failed"
        }
        let message = DigestFile.stringToSign(
            endTime: endText, bucket: bucket, key: key, digestSHA256Hex: Digest.sha256Hex(body),
            previousSignatureHex: previousSignature)
        switch SigningKey.verify(signature: signatureBytes, message: message, publicKeyDER: publicKey) {
        case nil: return "INVALID: Unable to load PKCS #1 key with fingerprint \(fingerprint)"
        case false?: return "INVALID: signature verification failed"
        case true?: return nil
        }
    }

    /// `CloudTrailValidateLogs._download_log`.
    func checkLogFile(_ log: JSONValue) -> Status {
        let bucketText = log["s3Bucket"]?.stringValue ?? ""
        let keyText = log["s3Object"]?.stringValue ?? ""
        let location = "Log file\ts3://\(bucketText)/\(keyText)\t"
        let ownBucket = bucketName.map { $0 == bucketText } ?? true
        guard ownBucket, Self.isSafe(keyText), let bytes = (try? FileIO.readFile(FileIO.join(bucketRoot, keyText))) ?? nil else {
            return Status(text: location + "INVALID: not found", isError: true)
        }
        guard let body = try? Gzip.decompress(bytes), let expected = log["hashValue"]?.stringValue else {
            return Status(text: location + "INVALID: invalid format", isError: true)
        }
        if Digest.sha256Hex(body) != expected {
            return Status(text: location + "INVALID: hash value doesn't match", isError: true)
        }
        return Status(text: location + "valid", isError: false)
    }
}
