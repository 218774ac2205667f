import Foundation
import Testing

@testable import HTTPServer

@Suite struct HTTPRequestParserTests {
    @Test(arguments: Feeding.allCases)
    func parsesAContentLengthRequest(_ feeding: Feeding) throws {
        let text =
            "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: 2\r\n\r\n{}"
        let result = parse(text, feeding)
        #expect(result.error == nil)
        let request = try #require(result.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/")
        #expect(request.headers["x-amz-target"] == "DynamoDB_20120810.ListTables")
        #expect(request.body == Array("{}".utf8))
        #expect(request.wantsKeepAlive)
    }

    @Test(arguments: Feeding.allCases)
    func parsesPipelinedRequestsInOrder(_ feeding: Feeding) {
        let one = "GET /a HTTP/1.1\r\nHost: h\r\n\r\n"
        let two = "POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
        let three = "GET /c?x=1 HTTP/1.0\r\n\r\n"
        let result = parse(one + two + three, feeding)
        #expect(result.error == nil)
        #expect(result.requests.map(\.target) == ["/a", "/b", "/c?x=1"])
        #expect(result.requests[1].body == Array("abc".utf8))
        #expect(result.requests[2].version == .http10)
        #expect(!result.requests[2].wantsKeepAlive)
        #expect(result.requests[2].path == "/c")
        #expect(result.requests[2].query == "x=1")
    }

    @Test(arguments: Feeding.allCases)
    func decodesChunkedBodiesWithExtensionsAndTrailers(_ feeding: Feeding) {
        let text =
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nX-Trailer: t\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n"
        let result = parse(text, feeding)
        #expect(result.error == nil)
        #expect(result.requests.count == 2)
        #expect(String(decoding: result.requests[0].body, as: UTF8.self) == "Wikipedia in\r\n\r\nchunks.")
    }

    @Test(arguments: Feeding.allCases)
    func signalsExpectContinueBeforeTheBody(_ feeding: Feeding) {
        var parser = HTTPRequestParser()
        parser.append(Array("PUT / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n".utf8))
        #expect(throws: Never.self) {
            guard case .expectContinue = try parser.next() else {
                Issue.record("no 100-continue")
                return
            }
            #expect(try parser.next() == nil)
        }
        parser.append(Array("hello".utf8))
        #expect(throws: Never.self) {
            guard case .request(let request) = try parser.next() else {
                Issue.record("no request")
                return
            }
            #expect(request.body == Array("hello".utf8))
        }
        // With the body already there, no interim answer is needed.
        let result = parse("PUT / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx", .whole)
        #expect(result.continues == 0 && result.requests.count == 1)
        _ = feeding
    }

    @Test(arguments: Feeding.allCases)
    func acceptsBareLineFeedsAndLeadingEmptyLines(_ feeding: Feeding) {
        let result = parse("\r\n\nGET / HTTP/1.1\nHost: h\n\n", feeding)
        #expect(result.error == nil)
        #expect(result.requests.count == 1)
    }

    static let malformed: [(String, Int)] = [
        ("GARBAGE\r\n\r\n", 400),
        ("GET /\r\n\r\n", 400),
        ("GET / HTTP/1.1 extra\r\nHost: h\r\n\r\n", 400),
        ("GET  / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
        ("G(T / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
        ("GET / HTTP/2.0\r\nHost: h\r\n\r\n", 505),
        ("GET / HTTQ/1.1\r\nHost: h\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: h\r\nBad Header: x\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: h\r\nX: a\u{01}b\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: abc\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 20000000\r\n\r\n", 413),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
        ("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n", 413),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2000000\r\n", 413),
        ("POST / HTTP/1.1\r\nHost: h\r\nExpect: 200-ok\r\n\r\n", 417),
        ("GET / HTTP/1.1\r\r\nHost: h\r\n\r\n", 400),
    ]

    @Test(arguments: Feeding.allCases)
    func refusesMalformedRequestsWithTheRightStatus(_ feeding: Feeding) {
        for (text, status) in Self.malformed {
            let result = parse(text, feeding)
            #expect(result.error?.status == status, "\(text.debugDescription)")
            #expect(result.requests.isEmpty)
        }
    }

    @Test(arguments: Feeding.allCases)
    func refusesOversizedHeaderSections(_ feeding: Feeding) {
        let big = "GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + String(repeating: "a", count: 70_000) + "\r\n\r\n"
        #expect(parse(big, feeding).error?.status == 431)
        // Without an end of head in sight, the limit still applies.
        let endless = "GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: 70_000)
        #expect(parse(endless, feeding).error?.status == 431)
        let small = HTTPRequestParser.Limits(maxHeaderBytes: 64, maxBodyBytes: 4)
        #expect(
            parse("GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "c", count: 64) + "\r\n\r\n", feeding, limits: small).error?.status
                == 431)
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n12345", feeding, limits: small).error?.status == 413)
        #expect(
            parse(
                "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n", feeding, limits: small
            )
            .error?.status == 413)
    }

    @Test func neverCrashesOnRandomBytes() {
        var generator = SplitMix(seed: 42)
        for round in 0..<300 {
            let length = Int(generator.next() % 400)
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            if round % 3 == 0 { bytes = Array("POST / HTTP/1.1\r\nHost: h\r\n".utf8) + bytes }
            _ = parse(bytes, round % 2 == 0 ? .whole : .randomChunks)
        }
    }

    @Test func keepsFailingAfterAnError() {
        var parser = HTTPRequestParser()
        parser.append(Array("BAD\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.next() }
        parser.append(Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.next() }
    }

    @Test func encodesHeadAndBodyTogether() {
        var headers = HTTPHeaders()
        headers.add("x-amzn-RequestId", "ABC")
        let bytes = HTTPResponseEncoder.encode(HTTPResponse(status: 200, headers: headers, text: "{}"), keepAlive: true, date: "D")
        #expect(
            String(decoding: bytes, as: UTF8.self) == "HTTP/1.1 200 OK\r\nx-amzn-RequestId: ABC\r\nContent-Length: 2\r\nDate: D\r\n\r\n{}")
        let head = HTTPResponseEncoder.encode(
            HTTPResponse(status: 200, headers: HTTPHeaders(["Content-Length": "10"]), body: []), version: .http10, keepAlive: true,
            omitBody: true)
        #expect(String(decoding: head, as: UTF8.self) == "HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: keep-alive\r\n\r\n")
    }

    /// The parser gives its buffer back once a request is consumed, so idle connections hold none.
    @Test func releasesItsBufferAfterALargeRequest() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n".utf8))
        parser.append([UInt8](repeating: 0x61, count: 100_000))
        guard case .request(let request) = try parser.next() else {
            Issue.record("no request")
            return
        }
        #expect(request.body.count == 100_000)
        #expect(parser.bufferCapacity > 0)
        parser.releaseSpareCapacity()
        #expect(parser.bufferCapacity == 0)
        parser.append(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        guard case .request = try parser.next() else {
            Issue.record("no request after release")
            return
        }
    }
}
