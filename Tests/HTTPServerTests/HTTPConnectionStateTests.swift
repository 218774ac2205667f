import Dispatch
import Testing

@testable import HTTPServer

/// The connection's decisions with no socket: bytes in, actions out, time injected.
@Suite struct HTTPConnectionStateTests {
    static let get = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"

    // MARK: Requests and keep-alive

    @Test(arguments: [false, true]) func handsACompleteRequestToTheHandler(byteByByte: Bool) {
        var connection = ConnectionHarness()
        #expect(connection.timer == .some(ConnectionHarness.start + 60))
        connection.receive("POST /b?x=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", byteByByte: byteByByte)
        #expect(
            connection.handling == [
                HTTPRequest(
                    method: "POST", target: "/b?x=1", headers: HTTPHeaders(["Host": "x", "Content-Length": "3"]),
                    body: Array("abc".utf8), remoteAddress: "192.0.2.7")
            ])
        #expect(connection.timer == .some(nil))  // no timer while the handler works
        connection.answer()
        #expect(connection.takeSent() == okResponse())
        connection.writeEverything()
        #expect(connection.timer == .some(ConnectionHarness.start + 60))
        #expect(!connection.closed)
    }

    @Test func aRequestArrivingByteByByteRunsTheRequestTimer() {
        var connection = ConnectionHarness()
        connection.now = connection.now + 5
        connection.receive("G")
        let deadline = ConnectionHarness.start + 5 + 30
        #expect(connection.state.requestDeadline == deadline)
        #expect(connection.timer == .some(deadline))
        connection.now = connection.now + 1
        connection.receive(String(Self.get.dropFirst()), byteByByte: true)
        #expect(connection.handling.count == 1)
        #expect(connection.state.requestDeadline == nil)
    }

    @Test(arguments: [false, true]) func answersPipelinedRequestsOneAtATimeInOrder(byteByByte: Bool) {
        var connection = ConnectionHarness()
        connection.receive(
            "GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\nGET /3 HTTP/1.1\r\nHost: x\r\n\r\n",
            byteByByte: byteByByte)
        #expect(connection.handling.map(\.target) == ["/1"])
        connection.answer()
        #expect(connection.handling.map(\.target) == ["/2"])
        connection.answer()
        connection.answer()
        #expect(connection.handling.isEmpty)
        #expect(connection.takeSent() == okResponse() + okResponse() + okResponse())
    }

    @Test(arguments: [
        ("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "close"),
        ("GET /a HTTP/1.0\r\n\r\n", "close"),
        ("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "keep-alive"),
    ])
    func keepsAliveOnlyWhenAsked(request: String, connectionHeader: String) {
        var connection = ConnectionHarness()
        connection.receive(request)
        connection.answer()
        #expect(connection.takeSent() == okResponse(connection: connectionHeader))
        connection.writeEverything()
        #expect(connection.closed == (connectionHeader == "close"))
    }

    @Test func closesAfterAResponseThatAsksToClose() {
        var connection = ConnectionHarness()
        connection.receive(Self.get + Self.get)
        connection.answer(HTTPResponse(status: 200, body: Array("ok".utf8), closeConnection: true))
        #expect(connection.takeSent() == okResponse(connection: "close"))
        #expect(connection.handling.isEmpty)  // the second request is never handled
        #expect(!connection.closed)
        connection.writeEverything()
        #expect(connection.closed)
    }

    @Test func answersHeadWithoutABody() {
        var connection = ConnectionHarness()
        connection.receive("HEAD /a HTTP/1.1\r\nHost: x\r\n\r\n")
        connection.answer()
        #expect(connection.takeSent() == okResponse(withBody: false))
    }

    // MARK: 100 Continue

    @Test func sendsContinueAtOnceWhenNothingIsAhead() {
        var connection = ConnectionHarness()
        connection.receive("PUT /a HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
        #expect(connection.takeSent() == "HTTP/1.1 100 Continue\r\n\r\n")
        #expect(connection.handling.isEmpty)
        connection.receive("hi", byteByByte: true)
        #expect(connection.handling.first?.body == Array("hi".utf8))
    }

    @Test func owesContinueUntilTheEarlierRequestIsAnswered() {
        var connection = ConnectionHarness()
        connection.receive(Self.get + "PUT /b HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
        #expect(connection.takeSent() == "")
        connection.answer()
        #expect(connection.takeSent() == okResponse() + "HTTP/1.1 100 Continue\r\n\r\n")
    }

    // MARK: Half-close

    @Test func answersEverythingAHalfClosedPeerSentThenCloses() {
        var connection = ConnectionHarness()
        connection.receive(Self.get + Self.get)
        connection.peerHalfCloses()
        #expect(!connection.closed)
        connection.answer()
        connection.answer()
        #expect(connection.takeSent() == okResponse() + okResponse(connection: "close"))
        connection.writeEverything()
        #expect(connection.closed)
    }

    @Test func closesOnceTheAnswerIsWrittenWhenThePeerHalfClosedWhileItWasUnsent() {
        var connection = ConnectionHarness()
        connection.receive(Self.get)
        connection.answer()
        connection.peerHalfCloses()
        #expect(!connection.closed)
        connection.writeEverything()
        #expect(connection.closed)
    }

    @Test func closesAtOnceWhenAnIdleOrHalfSentPeerHalfCloses() {
        var idle = ConnectionHarness()
        idle.peerHalfCloses()
        #expect(idle.closed)
        var halfSent = ConnectionHarness()
        halfSent.receive("GET /a HTTP/1.1\r\nHo")
        halfSent.peerHalfCloses()
        #expect(halfSent.closed)
    }

    // MARK: Timeouts

    @Test func closesAnIdleConnectionAtTheIdleDeadline() {
        var connection = ConnectionHarness(idleSeconds: 10)
        connection.fireTimer(after: 9.9)
        #expect(!connection.closed)
        #expect(connection.timer == .some(ConnectionHarness.start + 10))
        connection.fireTimer(after: 0.1)
        #expect(connection.closed)
    }

    @Test func answersASlowRequestWith408ThenDrainsBrieflyAndCloses() {
        var connection = ConnectionHarness(requestSeconds: 30)
        connection.receive("GET /a HTTP/1.1\r\nHost: x\r\n")
        connection.fireTimer(after: 29)
        #expect(connection.sent.isEmpty)
        connection.fireTimer(after: 1)
        #expect(
            connection.takeSent()
                == "HTTP/1.1 408 Request Timeout\r\nContent-Type: text/plain\r\nContent-Length: 30\r\n"
                + "Date: \(ConnectionHarness.date)\r\nConnection: close\r\n\r\nrequest not completed in time\n")
        connection.writeEverything()
        #expect(connection.state.phase == .lingering)
        #expect(connection.lastActions == [.shutdownWrite, .resumeReading, .armTimer(connection.now + 2)])
        connection.receive("more bytes are dropped")
        #expect(connection.sent.isEmpty && connection.handling.isEmpty)
        connection.fireTimer(after: 2)
        #expect(connection.closed)
    }

    @Test func noRequestTimeoutWhileTheHandlerWorksAndItRestartsOnceTheAnswerIsWritten() {
        var connection = ConnectionHarness(requestSeconds: 30)
        connection.receive(Self.get + "GET /b HTTP/1.1\r\n")
        #expect(connection.timer == .some(nil))  // our turn: no timer (and no timer firing in a loop)
        connection.fireTimer(after: 31)
        #expect(connection.sent.isEmpty)
        #expect(connection.timer == .some(nil))
        connection.answer()
        #expect(connection.takeSent() == okResponse())
        connection.writeEverything()
        // The client's time to finish the pipelined request counts from when we were done.
        #expect(connection.timer == .some(connection.now + 30))
    }

    // MARK: Refusals

    @Test(arguments: [
        ("GET /a HTTP/1.1\r\n\r\n", 400, "Bad Request", "missing Host"),
        ("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n", 413, "Payload Too Large", "body larger than 10 bytes"),
    ])
    func refusesABadRequestAfterAnsweringTheOnesBeforeIt(bad: String, status: Int, phrase: String, reason: String) {
        var connection = ConnectionHarness(limits: .init(maxHeaderBytes: 1024, maxBodyBytes: 10))
        connection.receive(Self.get + bad + Self.get)
        #expect(connection.handling.count == 1)
        connection.answer()
        #expect(
            connection.takeSent()
                == okResponse() + "HTTP/1.1 \(status) \(phrase)\r\nContent-Type: text/plain\r\nContent-Length: \(reason.utf8.count + 1)\r\n"
                + "Date: \(ConnectionHarness.date)\r\nConnection: close\r\n\r\n\(reason)\n")
        #expect(connection.handling.isEmpty)
        connection.writeEverything()
        #expect(connection.halfClosed)
        connection.peerHalfCloses()
        #expect(connection.closed)
    }

    // MARK: Back-pressure, shutdown, failures

    @Test func pausesReadingWhileAParsedRequestWaitsItsTurn() {
        var connection = ConnectionHarness()
        connection.receive(Self.get)
        #expect(!connection.readPaused)  // the handler works; the next request may arrive meanwhile
        connection.receive(Self.get + Self.get)
        #expect(connection.readPaused)
        connection.answer()
        #expect(connection.readPaused)
        connection.answer()
        #expect(!connection.readPaused)
        #expect(connection.handling.count == 1)
    }

    @Test func startsTheNextRequestOnlyOnceTheLargeAnswerBeforeItIsNearlySent() {
        var connection = ConnectionHarness()
        let size = 5 * 1024 * 1024
        connection.receive(Self.get)
        connection.answer(HTTPResponse(status: 200, body: [UInt8](repeating: 0x61, count: size)))
        connection.receive(Self.get)
        #expect(connection.handling.isEmpty)
        #expect(connection.readPaused)
        let limit = HTTPConnectionState.maxUnsentBytesBeforeNextRequest
        connection.write(byteCount: connection.unsent - limit - 1)
        #expect(connection.handling.isEmpty)
        connection.write(byteCount: 1)
        #expect(connection.handling.count == 1)
        #expect(!connection.readPaused)
    }

    @Test func queuesALargeBodyBehindItsHeadWithoutCopyingIt() {
        var connection = ConnectionHarness()
        connection.receive(Self.get)
        let body = [UInt8](repeating: 0x61, count: HTTPConnectionState.maxUnsentBytesBeforeNextRequest + 1)
        connection.answer(HTTPResponse(status: 200, body: body))
        let head = "HTTP/1.1 200 OK\r\nContent-Length: \(body.count)\r\nDate: \(ConnectionHarness.date)\r\n\r\n"
        #expect(connection.lastActions.prefix(2) == [.send(Array(head.utf8)), .send(body)])
    }

    @Test func aClientThatNeverReadsGetsOneLargeAnswerBuffered() {
        var connection = ConnectionHarness()
        let size = 20 * 1024 * 1024
        connection.receive(String(repeating: Self.get, count: 100))
        var handled = 0
        while !connection.handling.isEmpty {
            connection.answer(HTTPResponse(status: 200, body: [UInt8](repeating: 0x61, count: size)))
            handled += 1
        }
        #expect(handled == 1)
        #expect(connection.state.unsentByteCount < size + 1024)
        #expect(connection.readPaused)
    }

    @Test func closesAPeerThatTakesNoBytesForTheWriteTimeout() {
        var connection = ConnectionHarness(writeSeconds: 10)
        connection.receive(Self.get)
        connection.answer(HTTPResponse(status: 200, body: [UInt8](repeating: 0x61, count: 1 << 20)))
        #expect(connection.timer == .some(ConnectionHarness.start + 10))
        connection.now = connection.now + 9
        connection.write(byteCount: 1000)  // progress restarts the write timeout
        connection.fireTimer(after: 1)
        #expect(!connection.closed)
        #expect(connection.timer == .some(ConnectionHarness.start + 19))
        connection.fireTimer(after: 9)
        #expect(connection.closed)
    }

    @Test func theLastAnswerBeforeClosingHasAWriteTimeoutToo() {
        var connection = ConnectionHarness(writeSeconds: 10)
        connection.receive("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        connection.answer()
        #expect(connection.timer == .some(ConnectionHarness.start + 10))
        connection.fireTimer(after: 10)
        #expect(connection.closed)
    }

    @Test func startsTheIdleTimerOnlyWhenTheLastByteIsWritten() {
        var connection = ConnectionHarness(idleSeconds: 10)
        connection.receive(Self.get)
        connection.answer()
        connection.now = connection.now + 1
        connection.write(byteCount: 10)
        #expect(connection.lastActions.isEmpty)
        #expect(connection.timer == .some(ConnectionHarness.start + 30))  // the write timeout, not the idle one
        connection.now = connection.now + 1
        connection.writeEverything()
        #expect(connection.timer == .some(ConnectionHarness.start + 2 + 10))
    }

    @Test func shutdownClosesAnIdleConnectionAtOnce() {
        var connection = ConnectionHarness()
        connection.shutDown()
        #expect(connection.closed)
    }

    @Test func shutdownAnswersTheRequestInProgressThenCloses() {
        var connection = ConnectionHarness()
        connection.receive("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\no")
        connection.shutDown()
        #expect(!connection.closed)
        connection.receive("k")
        connection.answer()
        #expect(connection.takeSent() == okResponse(connection: "close"))
        connection.writeEverything()
        #expect(connection.closed)
    }

    @Test func aFailedWriteCloses() {
        var connection = ConnectionHarness()
        connection.receive(Self.get)
        connection.answer()
        connection.apply(connection.state.writeFailed())
        #expect(connection.closed)
        connection.apply(connection.state.timerFired(now: connection.now + 100))
        #expect(connection.lastActions.isEmpty)
    }
}
