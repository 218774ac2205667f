import AWSProtocol
import HTTPServer

extension SigV4Request {
    /// The SigV4 view of a request as it arrived: raw path and query, headers in wire order, the body.
    init(_ request: HTTPRequest) {
        self.init(
            method: request.method, rawPath: String(request.path), rawQuery: String(request.query),
            headers: request.headers.fields.map { ($0.name, $0.value) }, body: request.body)
    }
}
