import AWSProtocol
import HTTPServer

/// Builds the HTTP responses of the AWS JSON protocols: every one carries `x-amzn-RequestId`;
/// DynamoDB's carry `x-amz-crc32` of the exact body bytes. Errors are rendered to the wire here only.
enum WireResponse {
    static func json(
        _ value: JSONValue, status: Int = 200, requestId: String, contentType: String, crc32: Bool
    ) -> HTTPResponse {
        let body = JSONWriter.bytes(value)
        var headers = HTTPHeaders()
        headers.add("x-amzn-RequestId", requestId)
        if crc32 { headers.add("x-amz-crc32", String(CRC32.checksum(body))) }
        headers.add("Content-Type", contentType)
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    /// A success with no body (TagResource, UntagResource): `x-amz-crc32` of the empty body is 0.
    static func empty(requestId: String, contentType: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("x-amzn-RequestId", requestId)
        headers.add("x-amz-crc32", "0")
        headers.add("Content-Type", contentType)
        return HTTPResponse(status: 200, headers: headers, body: [])
    }

    static func error(_ error: AWSServiceError, requestId: String, contentType: String, crc32: Bool) -> HTTPResponse {
        json(error.body, status: error.httpStatus, requestId: requestId, contentType: contentType, crc32: crc32)
    }

    /// DynamoDB's answer to a request it has no route for (wrong method or content type): 404 and a tiny XML body.
    static func unknownOperation404(requestId: String) -> HTTPResponse {
        let body = Array("<UnknownOperationException/>\n".utf8)
        var headers = HTTPHeaders()
        headers.add("x-amzn-RequestId", requestId)
        headers.add("x-amz-crc32", String(CRC32.checksum(body)))
        headers.add("Content-Type", "text/xml")
        return HTTPResponse(status: 404, headers: headers, body: body)
    }

    /// A plain JSON answer of the admin endpoints (`/_dynamotrail/...`).
    static func admin(_ value: JSONValue, status: Int = 200, requestId: String) -> HTTPResponse {
        json(value, status: status, requestId: requestId, contentType: "application/json", crc32: false)
    }
}
