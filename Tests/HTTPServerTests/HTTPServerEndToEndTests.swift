import Foundation
import HTTPServer
import TestSupport
import Testing

func startServer(_ configure: (inout HTTPServerSettings) -> Void = { _ in }) throws -> HTTPServer {
    var settings = HTTPServerSettings()
    settings.port = 0
    configure(&settings)
    let server = HTTPServer(settings: settings, handler: EchoHandler())
    try server.start()
    return server
}

/// A good request on a fresh connection: the server is still serving.
func expectServing(_ server: HTTPServer, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let client = try RawSocketClient(port: server.port)
    client.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n")
    let response = await client.response()
    #expect(response?.status == 200, sourceLocation: sourceLocation)
    #expect(response?.text == "GET /ok 0", sourceLocation: sourceLocation)
}

@Suite(.serialized) struct HTTPServerEndToEndTests {
    @Test func answersPipelinedRequestsInOrderOnOneWrite() async throws {
        let server = try startServer()
        let client = try RawSocketClient(port: server.port)
        client.send(
            "GET /slow HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGET /c HTTP/1.1\r\nHost: x\r\n\r\n"
        )
        #expect(await client.response()?.text == "GET /slow 0")
        #expect(await client.response()?.text == "POST /b 3")
        #expect(await client.response()?.text == "GET /c 0")
        await server.shutdown()
    }

    @Test func decodesChunkedBodies() async throws {
        let server = try startServer()
        let client = try RawSocketClient(port: server.port)
        client.send("POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
        #expect(await client.response()?.text == "hello world")
        await server.shutdown()
    }

    @Test func answersExpectContinueAtOnce() async throws {
        let server = try startServer()
        // The interim answer comes before the body is sent, or never: a bounded wait, not a timing assertion.
        let client = try RawSocketClient(port: server.port, timeout: 30)
        client.send("POST /body HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
        let interim = await client.response()
        #expect(interim?.status == 100)
        client.send("data")
        #expect(await client.response()?.text == "data")
        await server.shutdown()
    }

    @Test func keepsAliveOrClosesAsAsked() async throws {
        let server = try startServer()
        let keep = try RawSocketClient(port: server.port)
        for i in 0..<3 {
            keep.send("GET /\(i) HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await keep.response()?.text == "GET /\(i) 0")
        }
        let close = try RawSocketClient(port: server.port)
        close.send("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let response = await close.response()
        #expect(response?.header("Connection") == "close")
        #expect(await close.closedByPeer())
        let old = try RawSocketClient(port: server.port)
        old.send("GET /a HTTP/1.0\r\n\r\n")
        #expect(await old.response()?.text == "GET /a 0")
        #expect(await old.closedByPeer())
        let oldKeep = try RawSocketClient(port: server.port)
        oldKeep.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(await oldKeep.response()?.header("Connection") == "keep-alive")
        oldKeep.send("GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(await oldKeep.response()?.text == "GET /b 0")
        await server.shutdown()
    }

    @Test func answersAHalfClosedClient() async throws {
        let server = try startServer()
        let client = try RawSocketClient(port: server.port)
        client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /two HTTP/1.1\r\nHost: x\r\n\r\n")
        client.shutdownWrite()
        #expect(await client.response()?.text == "GET /slow 0")
        #expect(await client.response()?.text == "GET /two 0")
        #expect(await client.closedByPeer())
        try await expectServing(server)
        await server.shutdown()
    }

    @Test func refusesOversizedRequestsAndKeepsServing() async throws {
        let server = try startServer()
        // A 20 MiB body: 413 from the head alone, while the client is still sending.
        let big = try RawSocketClient(port: server.port)
        big.send("POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: \(20 << 20)\r\n\r\n")
        let chunk = [UInt8](repeating: 0x61, count: 1 << 20)
        for _ in 0..<20 where await big.sendAsync(chunk) {}
        #expect(await big.response()?.status == 413)
        // The same body chunked.
        let chunked = try RawSocketClient(port: server.port)
        chunked.send("POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        for _ in 0..<20 where await chunked.sendAsync(Array("100000\r\n".utf8) + chunk + Array("\r\n".utf8)) {}
        #expect(await chunked.response()?.status == 413)
        let headers = try RawSocketClient(port: server.port)
        headers.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "h", count: 70_000) + "\r\n\r\n")
        #expect(await headers.response()?.status == 431)
        try await expectServing(server)
        await server.shutdown()
    }

    @Test func survivesTwoHundredBadInputs() async throws {
        let server = try startServer { $0.requestTimeoutSeconds = 0.5 }
        var generator = SystemRandomNumberGenerator()
        var outcomes: [String: Int] = [:]
        for round in 0..<200 {
            let client = try RawSocketClient(port: server.port, timeout: 3)
            switch round % 5 {
            case 0:
                let junk = (0..<Int.random(in: 1...2000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                client.send(junk)
            case 1: client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Le")
            case 2: client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n")
            case 3: client.send("GET /\(round) HTTP/1.1\r\nHost: x\r\n" + String(repeating: "X-A: b\r\n", count: 9000) + "\r\n")
            default: client.send("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab")
            }
            client.shutdownWrite()
            if let response = await client.response() {
                #expect((400..<500).contains(response.status) || response.status == 501 || response.status == 505, "round \(round)")
                outcomes["\(response.status)", default: 0] += 1
            } else {
                outcomes["closed", default: 0] += 1
            }
            if round % 20 == 0 { try await expectServing(server) }
        }
        try await expectServing(server)
        #expect(outcomes.values.reduce(0, +) == 200)
        await server.shutdown()
    }

    @Test func timesOutSlowAndIdleClients() async throws {
        let server = try startServer {
            $0.requestTimeoutSeconds = 0.3
            $0.idleTimeoutSeconds = 0.3
        }
        let slow = try RawSocketClient(port: server.port, timeout: 3)
        slow.send("GET / HTTP/1.1\r\nHost: x\r\n")
        #expect(await slow.response()?.status == 408)
        let idle = try RawSocketClient(port: server.port, timeout: 3)
        let started = Date()
        #expect(await idle.closedByPeer())
        #expect(Date().timeIntervalSince(started) < 2.5)
        let used = try RawSocketClient(port: server.port, timeout: 3)
        used.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await used.response()?.status == 200)
        #expect(await used.closedByPeer())
        try await expectServing(server)
        await server.shutdown()
    }

    @Test func closesConnectionsBeyondTheLimitAndServesTheRest() async throws {
        let server = try startServer { $0.maxConnections = 5 }
        var held: [RawSocketClient] = []
        for _ in 0..<5 {
            let client = try RawSocketClient(port: server.port)
            client.send("GET /held HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await client.response()?.status == 200)
            held.append(client)
        }
        let extra = try RawSocketClient(port: server.port, timeout: 2)
        extra.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await extra.response() == nil)
        #expect(server.refusedConnectionCount >= 1)
        held.removeFirst()
        try await Task.sleep(nanoseconds: 100_000_000)
        try await expectServing(server)
        for client in held {
            client.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await client.response()?.status == 200)
        }
        await server.shutdown()
    }

    @Test func holdsAThousandIdleConnectionsWhileServingAndClosesThemWhenIdle() async throws {
        let server = try startServer { $0.idleTimeoutSeconds = 2 }
        var idle: [RawSocketClient] = []
        for _ in 0..<1000 { idle.append(try RawSocketClient(port: server.port, timeout: 5)) }
        let active = try RawSocketClient(port: server.port)
        for i in 0..<20 {
            active.send("GET /\(i) HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await active.response()?.text == "GET /\(i) 0")
        }
        #expect(server.connectionCount >= 1000)
        try await Task.sleep(nanoseconds: 3_000_000_000)
        for client in idle.prefix(10) { #expect(await client.closedByPeer()) }
        #expect(server.connectionCount < 10)
        try await expectServing(server)
        await server.shutdown()
    }

    @Test func shutdownFinishesInFlightRequests() async throws {
        let server = try startServer()
        let client = try RawSocketClient(port: server.port)
        client.send("POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab")
        let idle = try RawSocketClient(port: server.port)
        try await Task.sleep(nanoseconds: 100_000_000)
        let shutdown = Task { await server.shutdown() }
        try await Task.sleep(nanoseconds: 100_000_000)
        client.send("cd")
        let response = await client.response()
        #expect(response?.text == "abcd")
        #expect(response?.header("Connection") == "close")
        #expect(await idle.closedByPeer())
        await shutdown.value
        #expect(throws: (any Error).self) { _ = try RawSocketClient(port: server.port) }
    }

    @Test func servesIPv6() async throws {
        let server = try startServer { $0.host = "::1" }
        let client = try RawSocketClient(host: "::1", port: server.port)
        client.send("GET /v6 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await client.response()?.text == "GET /v6 0")
        await server.shutdown()
    }
}
