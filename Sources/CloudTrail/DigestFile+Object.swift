import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension DigestFile {
    /// Writes a signed digest as its S3 object: the sidecar (with `signature` and `signature-algorithm`)
    /// first (in the state directory), so the object never exists without its signature metadata, then
    /// the single-member gzip through a temp file of the state directory renamed into the bucket.
    /// Blocking: call it on a Dispatch queue.
    public static func writeObject(
        body: [UInt8], signatureHex: String, key: String, endTime: Date, settings: TrailSettings, durable: Bool
    ) throws {
        let state = settings.state
        let compressed = try Gzip.compress(body)
        let kms = settings.encryption.type == "aws:kms"
        let metadata = ObjectMetadata(
            contentType: "application/json", contentEncoding: "gzip",
            serverSideEncryption: kms ? "aws:kms" : "AES256", sseKMSKeyId: kms ? settings.encryption.kmsKeyId : nil,
            storageClass: "STANDARD",
            userMetadata: ["signature": signatureHex, "signature-algorithm": DigestFile.signatureAlgorithm],
            etag: Hex.encode(Digest.md5(compressed)), lastModified: endTime)
        let sidecar = state.sidecarPath(forKey: key)
        try FileIO.writeAtomically(metadata.encoded(), to: sidecar, temp: sidecar + ".tmp", durable: durable)
        let fileName = key.split(separator: "/").last.map(String.init) ?? "digest"
        let final = FileIO.join(settings.bucket.path, key)
        let temp = FileIO.join(state.temporary, "digest-\(fileName).tmp")
        try FileIO.makeDirectories(FileIO.parent(final))
        try FileIO.makeDirectories(state.temporary)
        do {
            try FileIO.writeFile(compressed, to: temp, durable: durable)
            try FileIO.renameIntoBucket(temp, to: final, durable: durable)
        } catch {
            try? FileIO.remove(temp)
            throw error
        }
    }
}
