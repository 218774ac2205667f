import AWSProtocol

/// What an S3 operation answers, independent of any HTTP library: status, header lines in S3's
/// order, and the body. The router copies it onto its HTTP response and adds the request ids.
public struct S3Reply: Sendable, Equatable {
    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var status: Int
    public var headers: [Header]
    public var body: [UInt8]

    public init(status: Int, headers: [Header] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of `name`, case-insensitive.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// An XML document answer (`Content-Type: application/xml`).
    static func xml(_ document: String, status: Int = 200) -> S3Reply {
        S3Reply(status: status, headers: [Header("Content-Type", "application/xml")], body: Array(document.utf8))
    }

    /// S3's XML error document for `error`, with the request's ids; HEAD answers carry no body.
    public static func error(_ error: SigV4S3Error, requestId: String, hostId: String, isHead: Bool) -> S3Reply {
        if isHead { return S3Reply(status: error.httpStatus) }
        return xml(error.xml(requestId: requestId, hostId: hostId), status: error.httpStatus)
    }
}
