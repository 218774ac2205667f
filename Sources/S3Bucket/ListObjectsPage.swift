import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One page of a listing: objects and common prefixes in UTF-8 byte order, and where to resume.
/// Built from names and `lstat` only (plus sidecars for ETag and storage class), never from file contents.
public struct ListObjectsPage: Sendable, Equatable {
    /// One `<Contents>` entry.
    public struct Object: Sendable, Equatable {
        public var key: String
        public var size: Int
        public var lastModified: Date
        /// The ETag without quotes, when the sidecar has one (computing it would read the file).
        public var etag: String?
        public var storageClass: String
    }

    public var objects: [Object] = []
    public var commonPrefixes: [String] = []
    /// True when more keys or prefixes follow this page.
    public var isTruncated = false
    /// The last key or common prefix on the page (where the next page starts after).
    public var last: String?

    /// Lists `directory` for `request`: keys after `request.after` that start with the prefix; with a
    /// delimiter, keys holding it after the prefix are rolled up into common prefixes (each counted
    /// once, and only when it sorts after the marker). Stops after `maxKeys` entries (at most 1,000).
    static func list(_ directory: BucketDirectory, _ request: ListObjectsRequest) -> ListObjectsPage {
        var page = ListObjectsPage()
        let limit = min(request.maxKeys, ListObjectsRequest.maxPage)
        guard limit > 0 else { return page }
        let prefix = Array(request.prefix.utf8)
        let delimiter = request.delimiter.map { Array($0.utf8) } ?? []
        let after = request.after
        var count = 0
        var lastPrefix: [UInt8]? = nil
        directory.walk(prefix: prefix, after: after) { key, path in
            var rolledUp: [UInt8]? = nil
            if !delimiter.isEmpty, let end = Self.firstRange(of: delimiter, in: key, from: prefix.count) {
                rolledUp = Array(key[..<end])
                if rolledUp == lastPrefix { return true }
                if let after, !after.lexicographicallyPrecedes(rolledUp ?? []) { return true }
            }
            if count == limit {
                page.isTruncated = true
                return false
            }
            if let rolledUp {
                let text = String(decoding: rolledUp, as: UTF8.self)
                page.commonPrefixes.append(text)
                lastPrefix = rolledUp
                page.last = text
            } else {
                // The file may have gone since the directory was read: then it is not listed.
                guard let status = BucketDirectory.fileStatus(atPath: path) else { return true }
                let text = String(decoding: key, as: UTF8.self)
                let metadata = directory.metadata(forKey: text)
                page.objects.append(
                    Object(
                        key: text, size: status.size, lastModified: metadata?.lastModified ?? status.modified,
                        etag: metadata?.etag, storageClass: metadata?.storageClass ?? "STANDARD"))
                page.last = text
            }
            count += 1
            return true
        }
        return page
    }

    /// The index just past the first occurrence of `needle` in `haystack` at or after `start`.
    static func firstRange(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i + needle.count }
            i += 1
        }
        return nil
    }

    /// The `ListBucketResult` document (v1 or v2) for this page. Element order follows S3's answers
    /// as recalled (Unverified; parsers do not depend on it). `encoding-type=url` encodes what S3's
    /// documentation lists: v1 Delimiter, Marker, Prefix, NextMarker, Key; v2 Delimiter, Prefix,
    /// StartAfter, Key; common prefixes in both.
    func xml(bucket: String, request: ListObjectsRequest) -> String {
        let urlEncoded = request.encodingType == "url"
        func encode(_ text: String) -> String { urlEncoded ? Self.urlEncode(text) : text }
        var doc = S3XML()
        doc.open("ListBucketResult xmlns=\"\(S3XML.namespace)\"")
        doc.element("Name", bucket)
        doc.element("Prefix", encode(request.prefix))
        switch request.version {
        case .v1:
            doc.element("Marker", encode(request.marker ?? ""))
            // S3 returns NextMarker only when a delimiter was given; clients otherwise use the last key.
            if isTruncated, request.delimiter != nil, let last { doc.element("NextMarker", encode(last)) }
            doc.element("MaxKeys", String(request.maxKeys))
        case .v2:
            if let startAfter = request.startAfter { doc.element("StartAfter", encode(startAfter)) }
            if let token = request.continuationToken { doc.element("ContinuationToken", token) }
            if isTruncated, let last { doc.element("NextContinuationToken", ContinuationToken.encode(after: Array(last.utf8))) }
            doc.element("KeyCount", String(objects.count + commonPrefixes.count))
            doc.element("MaxKeys", String(request.maxKeys))
        }
        if let delimiter = request.delimiter { doc.element("Delimiter", encode(delimiter)) }
        if let encoding = request.encodingType { doc.element("EncodingType", encoding) }
        doc.element("IsTruncated", isTruncated ? "true" : "false")
        for object in objects {
            doc.open("Contents")
            doc.element("Key", encode(object.key))
            doc.element("LastModified", S3Date.iso8601(object.lastModified))
            if let etag = object.etag { doc.element("ETag", "\"\(etag)\"") }
            doc.element("Size", String(object.size))
            doc.element("StorageClass", object.storageClass)
            doc.close("Contents")
        }
        for prefix in commonPrefixes {
            doc.open("CommonPrefixes")
            doc.element("Prefix", encode(prefix))
            doc.close("CommonPrefixes")
        }
        doc.close("ListBucketResult")
        return S3XML.declaration + doc.text
    }

    /// S3's `encoding-type=url` form: unreserved characters and `/` kept, space as `+`, the rest `%XX`
    /// (botocore decodes with `unquote_plus`).
    static func urlEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if isKept(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == 0x20 {
                out += "+"
            } else {
                out += "%" + Hex.encode([byte]).uppercased()
            }
        }
        return out
    }

    /// ASCII letters, digits, `-_.~` and `/`.
    static func isKept(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x7E || byte == 0x2F
    }
}
