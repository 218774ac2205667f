import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A URLSession (libcurl on Linux) client for well-formed requests.
public struct TestHTTPClient: Sendable {
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: [UInt8]
        public var text: String { String(decoding: body, as: UTF8.self) }
        public func header(_ name: String) -> String? {
            headers.first(where: { $0.key.lowercased() == name.lowercased() })?.value
        }
    }

    public let baseURL: URL
    private let session: URLSession

    public init(baseURL: URL) {
        self.baseURL = baseURL
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        session = URLSession(configuration: configuration)
    }

    public func send(
        _ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8] = []
    ) async throws -> Response {
        var request = URLRequest(url: URL(string: path, relativeTo: baseURL)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if !body.isEmpty || method == "POST" { request.httpBody = Data(body) }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
        return Response(status: http.statusCode, headers: fields, body: Array(data))
    }

    /// A DynamoDB-style JSON call: `target` like `DynamoDB_20120810.ListTables`.
    public func call(_ target: String, _ json: String, contentType: String = "application/x-amz-json-1.0") async throws -> Response {
        try await send(
            "POST", "/", headers: ["X-Amz-Target": target, "Content-Type": contentType], body: Array(json.utf8))
    }
}
