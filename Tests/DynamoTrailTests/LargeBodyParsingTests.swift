import Foundation
import TestSupport
import Testing

@testable import DynamoTrail

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Large JSON bodies are parsed on Dispatch threads, so the two concurrency threads keep serving
/// other connections meanwhile.
@Suite(.serialized) struct LargeBodyParsingTests {
    /// A ListTables call with a big extra member: `count` numbers in an array.
    static func bigCall(numbers count: Int) -> [UInt8] {
        let body = Array(("{\"Padding\":[" + String(repeating: "12345,", count: count) + "1]}").utf8)
        let head =
            "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
            + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: \(body.count)\r\n\r\n"
        return Array(head.utf8) + body
    }

    /// True when a response has started arriving on `client` (peeks without blocking or consuming).
    static func hasAnswer(_ client: RawSocketClient) -> Bool {
        var byte: UInt8 = 0
        return recv(client.fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) > 0
    }

    @Test func healthAnswersWhileLargeBodiesAreParsed() async throws {
        // The four parses are held on their Dispatch threads until health has answered, so the test shows
        // that they do not occupy the threads that answer other calls, whatever the machine's load.
        let release = DispatchSemaphore(value: 0)
        Router.beforeLargeBodyParse.withLock { $0 = { _ = release.wait(timeout: .now() + 120) } }
        defer {
            Router.beforeLargeBodyParse.withLock { $0 = nil }
            for _ in 0..<4 { release.signal() }
        }
        try await withServer { (server: TestServer) async throws in
            let port = server.server.port
            let call = Self.bigCall(numbers: 200_000)  // ~1.2 MB: over the 64 KiB threshold
            var big: [RawSocketClient] = []
            for _ in 0..<4 {
                let client = try RawSocketClient(port: port, timeout: 120)
                #expect(await client.sendAsync(call))
                big.append(client)
            }
            // Wait (bounded) until all four parses are held on the Dispatch queue.
            var held = false
            for _ in 0..<6000 where !held {
                held = Router.largeBodyParsesInProgress.load(ordering: .relaxed) == 4
                if !held { try await Task.sleep(nanoseconds: 5_000_000) }
            }
            #expect(held)
            let health = try RawSocketClient(port: port, timeout: 60)
            health.send("GET /_dynamotrail/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(await health.response()?.status == 200)
            #expect(big.filter(Self.hasAnswer).isEmpty)
            for _ in 0..<4 { release.signal() }
            for client in big { #expect(await client.response()?.status != nil) }
        }
    }
}
