import HTTPServer

/// Answers `METHOD PATH BODY-LENGTH`; `/slow` waits 300 ms first, `/body` echoes the body.
struct EchoHandler: HTTPHandler {
    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        if request.path == "/slow" { try? await Task.sleep(nanoseconds: 300_000_000) }
        if request.path == "/body" { return HTTPResponse(status: 200, body: request.body) }
        return HTTPResponse(status: 200, text: "\(request.method) \(request.target) \(request.body.count)")
    }
}
