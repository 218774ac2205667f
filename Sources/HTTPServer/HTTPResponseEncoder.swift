/// Serializes a response head and body into one buffer, so it leaves in a single `send`.
public enum HTTPResponseEncoder {
    /// Encodes `response`. `Content-Length` is added unless the handler set one (HEAD answers carry
    /// the object's length and no body); `omitBody` drops the body for HEAD requests.
    public static func encode(
        _ response: HTTPResponse, version: HTTPVersion = .http11, keepAlive: Bool, omitBody: Bool = false, date: String? = nil
    ) -> [UInt8] {
        var out = encodeHead(response, version: version, keepAlive: keepAlive, date: date)
        if !omitBody { out.append(contentsOf: response.body) }
        return out
    }

    /// The status line and headers of `response` (as `encode` writes them), without the body: a
    /// large body is then queued as it is instead of being copied behind its head.
    public static func encodeHead(
        _ response: HTTPResponse, version: HTTPVersion = .http11, keepAlive: Bool, date: String? = nil
    ) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status) \(reasonPhrase(response.status))\r\n"
        for field in response.headers { head += "\(field.name): \(field.value)\r\n" }
        if !response.headers.contains("Content-Length") {
            head += "Content-Length: \(response.body.count)\r\n"
        }
        if let date, !response.headers.contains("Date") { head += "Date: \(date)\r\n" }
        if !keepAlive {
            head += "Connection: close\r\n"
        } else if version == .http10 {
            head += "Connection: keep-alive\r\n"
        }
        head += "\r\n"
        return Array(head.utf8)
    }

    /// The interim answer to `Expect: 100-continue`.
    public static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    public static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 204: "No Content"
        case 206: "Partial Content"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 411: "Length Required"
        case 413: "Payload Too Large"
        case 416: "Range Not Satisfiable"
        case 417: "Expectation Failed"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status \(status)"
        }
    }
}
