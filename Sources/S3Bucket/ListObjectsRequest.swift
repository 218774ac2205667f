import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The parameters of ListObjects (v1) and ListObjectsV2 (`list-type=2`), read from the query string
/// with S3's validation. Empty `prefix`, `delimiter`, `marker`, `start-after` count as absent.
public struct ListObjectsRequest: Sendable, Equatable {
    public enum Version: Sendable, Equatable { case v1, v2 }

    public var version: Version
    public var prefix: String = ""
    public var delimiter: String?
    /// v1: list keys after this one.
    public var marker: String?
    /// v2: list keys after this one (ignored when a continuation token is given, but echoed).
    public var startAfter: String?
    /// v2: the token as sent, echoed back.
    public var continuationToken: String?
    /// What the client asked for (echoed); at most `maxPage` keys are returned.
    public var maxKeys: Int = 1000
    /// `url` when keys are to be URL-encoded in the answer.
    public var encodingType: String?

    /// S3 returns at most 1,000 keys and common prefixes per page.
    public static let maxPage = 1000

    public init(version: Version) { self.version = version }

    /// Reads the request from decoded query parameters, or the InvalidArgument S3 answers.
    public static func parse(_ query: [(name: String, value: String)]) -> Result<ListObjectsRequest, S3Error> {
        func value(_ name: String) -> String? { query.first { $0.name == name }?.value }
        func nonEmpty(_ name: String) -> String? { value(name).flatMap { $0.isEmpty ? nil : $0 } }
        var request = ListObjectsRequest(version: value("list-type") == "2" ? .v2 : .v1)
        request.prefix = value("prefix") ?? ""
        request.delimiter = nonEmpty("delimiter")
        if let raw = value("max-keys") {
            // Unverified: S3's texts for a bad max-keys, as recalled.
            guard let number = Int(raw.trimmingSpaces()), number <= Int(Int32.max) else {
                return .failure(
                    .invalidArgument(
                        message: "Provided max-keys not an integer or within integer range", name: "max-keys", value: raw))
            }
            guard number >= 0 else {
                return .failure(
                    .invalidArgument(
                        message: "Argument maxKeys must be an integer between 0 and 2147483647", name: "maxKeys", value: raw))
            }
            request.maxKeys = number
        }
        if let encoding = value("encoding-type") {
            guard encoding.lowercased() == "url" else {
                return .failure(
                    .invalidArgument(
                        message: "Invalid Encoding Method specified in Request", name: "encoding-type", value: encoding))
            }
            request.encodingType = "url"
        }
        switch request.version {
        case .v1:
            request.marker = nonEmpty("marker")
        case .v2:
            request.startAfter = nonEmpty("start-after")
            if let token = value("continuation-token") {
                guard ContinuationToken.decode(token) != nil else {
                    return .failure(
                        .invalidArgument(
                            message: "The continuation token provided is incorrect", name: "continuation-token", value: token))
                }
                request.continuationToken = token
            }
        }
        return .success(request)
    }

    /// The key listing resumes after (exclusive): the token's key, else start-after, else the marker.
    public var after: [UInt8]? {
        if let token = continuationToken, let key = ContinuationToken.decode(token) { return key }
        return (version == .v1 ? marker : startAfter).map { Array($0.utf8) }
    }
}
