import AWSProtocol
import HTTPServer

extension Router {
    /// Path-style S3 over the bucket directory. Not served yet: S3's XML `NotImplemented` error.
    func s3(_ request: HTTPRequest, requestId: String) async -> HTTPResponse {
        let body =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NotImplemented</Code><Message>A header you provided implies functionality that is not implemented</Message><RequestId>\(requestId)</RequestId></Error>"
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/xml")
        headers.add("x-amz-request-id", requestId)
        return HTTPResponse(status: 501, headers: headers, text: body)
    }
}
