import AWSProtocol
import CallHandling
import DynamoTrail
import Foundation

/// A DynamoTrail server started in-process on port 0 with its own temporary bucket directory.
public final class TestServer: Sendable {
    public let server: DynamoTrailServer
    public let port: Int
    public let bucket: URL
    public let clock: ManualWallClock?

    /// Starts a server; `configure` adjusts the defaults (the bucket and port are set here).
    public init(clock: ManualWallClock? = nil, configure: (inout Configuration) -> Void = { _ in }) async throws {
        let bucket = FileManager.default.temporaryDirectory.appendingPathComponent("dynamotrail-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: bucket, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.server.port = 0
        configuration.logLevel = .warn
        configuration.trail.bucket.path = bucket.path
        configuration.trail.notifications.file = bucket.appendingPathComponent("notifications.jsonl").path
        configure(&configuration)
        self.bucket = bucket
        self.clock = clock
        if let clock {
            server = DynamoTrailServer(configuration: configuration, clock: clock, random: SeededRandomSource(seed: 1))
        } else {
            server = DynamoTrailServer(configuration: configuration)
        }
        port = try await server.start()
    }

    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Shuts the server down and removes its bucket.
    public func stop() async {
        await server.shutdown()
        try? FileManager.default.removeItem(at: bucket)
    }
}
