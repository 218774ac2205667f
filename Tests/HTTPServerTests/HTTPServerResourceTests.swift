import Foundation
import Synchronization
import TestSupport
import Testing

@testable import HTTPServer

/// Polls `condition` every 50 ms, at most `attempts` times; true once it holds (a bounded wait, not a
/// timing assertion).
func eventually(attempts: Int = 400, _ condition: () -> Bool) async -> Bool {
    for _ in 0..<attempts {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 50_000_000)
    }
    return condition()
}

/// What greedy and numerous clients can make the server hold: never-reading pipeliners, many idle
/// connections, a process out of descriptors.
@Suite(.serialized) struct HTTPServerResourceTests {
    static let clients = 10
    static let answerBytes = 4 << 20
    static let pipelined = 16

    @Test func neverReadingPipelinersHoldAtMostOneAnswerEachAndAreClosedByTheWriteTimeout() async throws {
        var settings = HTTPServerSettings()
        settings.port = 0
        settings.writeTimeoutSeconds = 1
        let handler = LargeAnswerHandler(answerBytes: Self.answerBytes)
        let server = HTTPServer(settings: settings, handler: handler)
        try server.start()
        let before = ProcessMemory.residentBytes()
        var clients: [RawSocketClient] = []
        for _ in 0..<Self.clients {
            let client = try RawSocketClient(port: server.port, timeout: 5)
            client.send(String(repeating: "GET /big HTTP/1.1\r\nHost: x\r\n\r\n", count: Self.pipelined))
            clients.append(client)
        }
        #expect(await eventually { handler.bigAnswerCount >= Self.clients })
        var peakResident = before ?? 0
        // Until the write timeout closes them all: the buffered answers never exceed the bound.
        let allClosed = await eventually {
            peakResident = max(peakResident, ProcessMemory.residentBytes() ?? 0)
            return server.connectionCount == 0
        }
        #expect(allClosed)
        let perConnectionBound = Self.answerBytes + HTTPConnectionState.maxUnsentBytesBeforeNextRequest + 4096
        #expect(server.gauges.peakUnsentOutputBytes <= Self.clients * perConnectionBound)
        #expect(server.gauges.unsentOutputBytes == 0)
        // Unbounded, the 160 answers would buffer 640 MiB; bounded, at most one 4 MiB answer per
        // connection is queued (plus its transient encoding copy and what sits in kernel buffers).
        #expect(handler.bigAnswerCount < Self.clients * Self.pipelined / 2)
        if let before {
            let growth = peakResident - before
            print("never-reading pipeliners: RSS +\(growth >> 20) MiB, \(handler.bigAnswerCount) answers produced")
            #expect(growth < 100 << 20)
        }
        withExtendedLifetime(clients) {}
        await server.shutdown()
    }

    @Test func pipelinedLargeAnswersArriveWholeAndInOrder() async throws {
        var settings = HTTPServerSettings()
        settings.port = 0
        let handler = LargeAnswerHandler(answerBytes: 3 << 20)
        let server = HTTPServer(settings: settings, handler: handler)
        try server.start()
        let client = try RawSocketClient(port: server.port)
        let big = "GET /big HTTP/1.1\r\nHost: x\r\n\r\n"
        client.send(big + "GET /small HTTP/1.1\r\nHost: x\r\n\r\n" + big + big)
        #expect(await client.response()?.body.count == 3 << 20)
        #expect(await client.response()?.text == "ok")
        #expect(await client.response()?.body.count == 3 << 20)
        #expect(await client.response()?.body.count == 3 << 20)
        #expect(await eventually { server.gauges.unsentOutputBytes == 0 })
        await server.shutdown()
    }

    @Test func idleConnectionsHoldNoReadBufferAndLittleMemory() async throws {
        let count = Int(ProcessInfo.processInfo.environment["DYNAMOTRAIL_IDLE_CONNECTIONS"] ?? "") ?? 1000
        let server = try startServer {
            $0.idleTimeoutSeconds = 600
            $0.maxConnections = count + 10
        }
        let before = ProcessMemory.residentBytes()
        // A connection that received a 1 MiB body shrinks back too (its memory is counted below).
        let large = try RawSocketClient(port: server.port)
        large.send("POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: \(1 << 20)\r\n\r\n")
        await large.sendAsync([UInt8](repeating: 0x62, count: 1 << 20))
        #expect(await large.response()?.body.count == 1 << 20)
        var idle: [RawSocketClient] = []
        for i in 0..<count {
            let client = try RawSocketClient(port: server.port, timeout: 5)
            if i % 10 == 0 {  // one in ten has been used once; all are idle now
                client.send("GET /used HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(client.readResponse()?.status == 200)
            }
            idle.append(client)
        }
        #expect(await eventually { server.connectionCount == count + 1 })
        #expect(await eventually { server.gauges.readBufferBytes == 0 })
        if let before, let after = ProcessMemory.residentBytes() {
            let perConnection = (after - before) / count
            print("idle connections: \(count) cost \((after - before) >> 20) MiB, \(perConnection) bytes each")
            // 4,096 idle connections under 100 MB: under 24 KiB each (client side included).
            #expect(perConnection < 24 * 1024)
        }
        try await expectServing(server)
        idle.removeAll()
        await server.shutdown()
    }

    // MARK: Out of descriptors

    @Test func acceptBacksOffWhenOutOfDescriptorsInsteadOfSpinning() async throws {
        let outOfDescriptors = Mutex(true)
        let failedAttempts = Atomic<Int>(0)
        let warnings = Mutex<[String]>([])
        var settings = HTTPServerSettings()
        settings.port = 0
        let server = HTTPServer(
            settings: settings, handler: EchoHandler(), log: { message in warnings.withLock { $0.append(message) } },
            acceptConnection: { listener in
                if outOfDescriptors.withLock({ $0 }) {
                    failedAttempts.add(1, ordering: .relaxed)
                    return .outOfResources(EMFILE)
                }
                return Socket.acceptOutcome(listener)
            })
        try server.start()
        let client = try RawSocketClient(port: server.port, timeout: 10)
        client.send("GET /waited HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await eventually { server.acceptBackoffCount >= 4 })
        try await Task.sleep(nanoseconds: 500_000_000)
        // Back-off rests 10, 20, 40, 80, 160, 320 ms...: a handful of attempts; a spin makes millions.
        let attempts = failedAttempts.load(ordering: .relaxed)
        #expect(attempts == server.acceptBackoffCount)
        #expect(attempts < 30)
        #expect(warnings.withLock { $0.count } == 1)
        outOfDescriptors.withLock { $0 = false }
        #expect(await client.response()?.text == "GET /waited 0")
        await server.shutdown()
    }

    @Test func backOffDoublesFromTenMillisecondsToOneSecondAndResets() {
        var backoff = AcceptBackoff()
        let delays = (0..<9).map { _ in backoff.failed() }
        #expect(delays == [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.0, 1.0])
        #expect(backoff.consecutiveFailures == 9)
        backoff.succeeded()
        #expect(backoff.failed() == 0.01)
    }

    @Test func maxConnectionsIsClampedToTheDescriptorLimitWithAWarning() async throws {
        let fits = FileDescriptorLimit.connectionLimit(requested: 4096, descriptorLimit: 20_000)
        #expect(fits.allowed == 4096 && fits.warning == nil)
        let clamped = FileDescriptorLimit.connectionLimit(requested: 4096, descriptorLimit: 1024)
        #expect(clamped.allowed == 1024 - FileDescriptorLimit.reservedDescriptors)
        #expect(clamped.warning?.contains("server.maxConnections 4096") == true)
        let warnings = Mutex<[String]>([])
        var settings = HTTPServerSettings()
        settings.port = 0
        settings.maxConnections = 100_000_000
        let server = HTTPServer(
            settings: settings, handler: EchoHandler(), log: { message in warnings.withLock { $0.append(message) } })
        try server.start()
        let limit = FileDescriptorLimit.raiseToHardLimit()
        #expect(server.effectiveMaxConnections == limit - FileDescriptorLimit.reservedDescriptors)
        #expect(warnings.withLock { $0.count } == 1)
        try await expectServing(server)
        await server.shutdown()
    }

    @Test func theSoftDescriptorLimitIsRaisedToTheHardLimit() {
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        let raised = FileDescriptorLimit.raiseToHardLimit()
        #expect(limit.rlim_max == rlim_t.max || raised == Int(limit.rlim_max))
    }
}
