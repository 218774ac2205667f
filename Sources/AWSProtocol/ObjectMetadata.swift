#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The S3 object metadata of one object in the bucket directory, stored as a JSON sidecar so the
/// bucket tree itself shows only what S3 would list (our design: sidecars under `<state directory>/metadata/`).
/// Written by CloudTrail for every object it delivers, read by the S3 module to answer GetObject and
/// HeadObject headers. Pure format, no I/O.
///
/// Sidecar JSON (keys in this order; absent optionals are left out):
/// `{"contentType":…,"contentEncoding":…,"serverSideEncryption":"AES256"|"aws:kms","sseKMSKeyId":…,
///   "storageClass":"STANDARD"|"GLACIER","userMetadata":{…},"etag":…,"lastModified":<epoch seconds>}`
/// `userMetadata` names are the `x-amz-meta-*` suffixes, lowercase, written sorted.
public struct ObjectMetadata: Sendable, Equatable {
    public var contentType: String
    public var contentEncoding: String?
    /// `AES256` or `aws:kms`.
    public var serverSideEncryption: String
    /// The KMS key ARN when `serverSideEncryption` is `aws:kms`.
    public var sseKMSKeyId: String?
    /// `STANDARD` or `GLACIER`.
    public var storageClass: String
    /// `x-amz-meta-<name>` values by lowercase `<name>`.
    public var userMetadata: [String: String]
    /// The ETag without quotes (for a single PUT, the hex MD5 of the stored bytes).
    public var etag: String?
    public var lastModified: Date

    public init(
        contentType: String, contentEncoding: String? = nil, serverSideEncryption: String = "AES256",
        sseKMSKeyId: String? = nil, storageClass: String = "STANDARD", userMetadata: [String: String] = [:],
        etag: String? = nil, lastModified: Date
    ) {
        self.contentType = contentType
        self.contentEncoding = contentEncoding
        self.serverSideEncryption = serverSideEncryption
        self.sseKMSKeyId = sseKMSKeyId
        self.storageClass = storageClass
        self.userMetadata = userMetadata
        self.etag = etag
        self.lastModified = lastModified
    }

    /// Where the sidecar of `key` lives: `<stateDirectory>/metadata/<key>.json`.
    public static func sidecarPath(forKey key: String, stateDirectory: String) -> String {
        (stateDirectory.hasSuffix("/") ? stateDirectory : stateDirectory + "/") + "metadata/\(key).json"
    }

    /// Where the sidecar of `key` lived before the state directory, relative to the bucket root:
    /// `.dynamotrail/metadata/<key>.json` (read only to migrate an old layout).
    public static func sidecarPath(forKey key: String) -> String { ".dynamotrail/metadata/\(key).json" }

    /// The sidecar as an ordered JSON value.
    public var json: JSONValue {
        var object = JSONObject()
        object.append("contentType", .string(contentType))
        if let contentEncoding { object.append("contentEncoding", .string(contentEncoding)) }
        object.append("serverSideEncryption", .string(serverSideEncryption))
        if let sseKMSKeyId { object.append("sseKMSKeyId", .string(sseKMSKeyId)) }
        object.append("storageClass", .string(storageClass))
        var meta = JSONObject()
        for name in userMetadata.keys.sorted() { meta.append(name.lowercased(), .string(userMetadata[name] ?? "")) }
        object.append("userMetadata", .object(meta))
        if let etag { object.append("etag", .string(etag)) }
        object.append("lastModified", .epochSeconds(lastModified))
        return .object(object)
    }

    /// The sidecar bytes as written to disk.
    public func encoded() -> [UInt8] { JSONWriter.bytes(json) }

    /// Why a sidecar could not be read.
    public struct DecodingError: Error, Equatable, Sendable {
        public let reason: String
    }

    /// Reads a sidecar written by `encoded()` (unknown members are ignored, for forward compatibility).
    public static func decode(_ bytes: [UInt8]) throws(DecodingError) -> ObjectMetadata {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch { throw DecodingError(reason: "not JSON: \(error.reason)") }
        guard case .object = value else { throw DecodingError(reason: "not a JSON object") }
        guard let contentType = value["contentType"]?.stringValue else { throw DecodingError(reason: "contentType missing") }
        guard let sse = value["serverSideEncryption"]?.stringValue else {
            throw DecodingError(reason: "serverSideEncryption missing")
        }
        guard let storageClass = value["storageClass"]?.stringValue else { throw DecodingError(reason: "storageClass missing") }
        // Bounded to years 0001-9999 so re-encoding (`JSONValue.epochSeconds`) can never overflow.
        guard let modified = value["lastModified"]?.numberValue?.doubleValue, modified.isFinite,
            modified >= -62_135_596_800, modified <= 253_402_300_799
        else {
            throw DecodingError(reason: "lastModified missing or out of range")
        }
        var userMetadata: [String: String] = [:]
        if let meta = value["userMetadata"]?.objectValue {
            for member in meta.members {
                guard let text = member.value.stringValue else { throw DecodingError(reason: "userMetadata.\(member.key) not a string") }
                userMetadata[member.key.lowercased()] = text
            }
        }
        return ObjectMetadata(
            contentType: contentType, contentEncoding: value["contentEncoding"]?.stringValue,
            serverSideEncryption: sse, sseKMSKeyId: value["sseKMSKeyId"]?.stringValue, storageClass: storageClass,
            userMetadata: userMetadata, etag: value["etag"]?.stringValue,
            lastModified: Date(timeIntervalSince1970: modified))
    }
}
