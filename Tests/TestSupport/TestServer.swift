import AWSProtocol
import CallHandling
import DynamoTrail
import Foundation
import HTTPServer

/// A DynamoTrail server started in-process with its own temporary bucket directory: listening on
/// port 0, or with its services only, answering in-memory requests through `handle`.
public final class TestServer: Sendable {
    public let server: DynamoTrailServer
    /// The bound port; 0 when not listening.
    public let port: Int
    public let bucket: URL
    /// The server's private state directory (beside the bucket unless `configure` set another).
    public let stateDirectory: URL
    public let clock: ManualWallClock?

    /// Starts a server; `configure` adjusts the defaults (the bucket and port are set here).
    /// `listening: false` starts everything but the socket.
    public init(clock: ManualWallClock? = nil, listening: Bool = true, configure: (inout Configuration) -> Void = { _ in })
        async throws
    {
        let bucket = FileManager.default.temporaryDirectory.appendingPathComponent("dynamotrail-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: bucket, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.server.port = 0
        configuration.logLevel = .warn
        configuration.trail.bucket.path = bucket.path
        // Most tests send unsigned requests; the default (refused) is tested on its own.
        configuration.auth.allowAnonymous = true
        configure(&configuration)
        self.bucket = bucket
        let stateDirectory = URL(fileURLWithPath: configuration.stateDirectoryPath)
        self.stateDirectory = stateDirectory
        self.clock = clock
        if let clock {
            server = DynamoTrailServer(configuration: configuration, clock: clock, random: SeededRandomSource(seed: 1))
        } else {
            server = DynamoTrailServer(configuration: configuration)
        }
        do {
            if listening {
                port = try await server.start()
            } else {
                try await server.startServices()
                port = 0
            }
        } catch {
            await server.shutdown()
            try? FileManager.default.removeItem(at: bucket)
            try? FileManager.default.removeItem(at: stateDirectory)
            throw error
        }
    }

    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Shuts the server down and removes its bucket and state directory.
    public func stop() async {
        await server.shutdown()
        try? FileManager.default.removeItem(at: bucket)
        try? FileManager.default.removeItem(at: stateDirectory)
    }

    /// Sends a request to the router in memory (no socket), as the HTTP server would hand it over.
    public func handle(
        _ method: String, _ target: String, headers: [String: String] = [:], body: [UInt8] = [],
        remoteAddress: String = "127.0.0.1"
    ) async -> TestHTTPClient.Response {
        var fields = HTTPHeaders()
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { fields.add(name, value) }
        if !body.isEmpty { fields.add("Content-Length", String(body.count)) }
        var request = HTTPRequest(method: method, target: target, headers: fields, body: body)
        request.remoteAddress = remoteAddress
        let response = await server.router.handle(request)
        var answer: [String: String] = [:]
        for field in response.headers { answer[field.name] = field.value }
        return TestHTTPClient.Response(status: response.status, headers: answer, body: response.body)
    }

    /// A DynamoDB-style JSON call in memory: `target` like `DynamoDB_20120810.ListTables`.
    public func call(_ target: String, _ json: String, contentType: String = "application/x-amz-json-1.0") async
        -> TestHTTPClient.Response
    {
        await handle("POST", "/", headers: ["X-Amz-Target": target, "Content-Type": contentType], body: Array(json.utf8))
    }
}

/// Runs `body` with a started server and always stops it and removes its directory afterwards, also
/// when `body` throws.
public func withServer<T>(
    clock: ManualWallClock? = nil, listening: Bool = true, configure: (inout Configuration) -> Void = { _ in },
    _ body: (TestServer) async throws -> T
) async throws -> T {
    let server = try await TestServer(clock: clock, listening: listening, configure: configure)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
