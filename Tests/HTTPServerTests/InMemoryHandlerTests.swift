import HTTPServer
import Testing

/// A handler is an async function from request to response: tests call it with a request built in
/// memory, no socket or server needed.
@Suite struct InMemoryHandlerTests {
    @Test func callsAHandlerWithARequestBuiltInMemory() async {
        let request = HTTPRequest(
            method: "POST", target: "/body?x=1", headers: HTTPHeaders(["Host": "localhost", "Content-Type": "text/plain"]),
            body: Array("hello".utf8), remoteAddress: "203.0.113.9")
        #expect(request.path == "/body")
        #expect(request.query == "x=1")
        #expect(request.remoteAddress == "203.0.113.9")
        let response = await EchoHandler().handle(request)
        #expect(response.status == 200)
        #expect(response.body == Array("hello".utf8))
    }
}
