import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension DigestFile {
    /// Writes a signed digest as its S3 object: the sidecar (with `signature` and `signature-algorithm`)
    /// first, so the object never exists without its signature metadata, then the single-member gzip
    /// through a temp file and a rename. Blocking: call it on a Dispatch queue.
    public static func writeObject(
        body: [UInt8], signatureHex: String, key: String, endTime: Date, settings: TrailSettings, durable: Bool
    ) throws {
        let root = settings.bucket.path
        let compressed = try Gzip.compress(body)
        let kms = settings.encryption.type == "aws:kms"
        let metadata = ObjectMetadata(
            contentType: "application/json", contentEncoding: "gzip",
            serverSideEncryption: kms ? "aws:kms" : "AES256", sseKMSKeyId: kms ? settings.encryption.kmsKeyId : nil,
            storageClass: "STANDARD",
            userMetadata: ["signature": signatureHex, "signature-algorithm": DigestFile.signatureAlgorithm],
            etag: Hex.encode(Digest.md5(compressed)), lastModified: endTime)
        let sidecar = FileIO.join(root, ObjectMetadata.sidecarPath(forKey: key))
        try FileIO.writeAtomically(metadata.encoded(), to: sidecar, temp: sidecar + ".tmp", durable: durable)
        let fileName = key.split(separator: "/").last.map(String.init) ?? "digest"
        try FileIO.writeAtomically(
            compressed, to: FileIO.join(root, key), temp: FileIO.join(root, ".dynamotrail/tmp/digest-\(fileName).tmp"),
            durable: durable)
    }
}
