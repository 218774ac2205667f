import AWSProtocol
import CloudTrail
import Foundation
import TestSupport
import Testing

@testable import DynamoTrail

/// A second server on the same state directory is kept out: in process it fails to start with
/// `TrailError.locked`, and the `dynamotrail` executable exits 2 saying why.
@Suite(.serialized) struct StateLockServerTests {
    @Test func aSecondServerOnTheSameBucketFailsToStart() async throws {
        try await withServer(listening: false) { (server: TestServer) async throws in
            var configuration = Configuration()
            configuration.server.port = 0
            configuration.trail.bucket.path = server.bucket.path
            let second = DynamoTrailServer(configuration: configuration)
            await #expect(throws: TrailError.locked(directory: server.stateDirectory.appendingPathComponent("journal").path)) {
                try await second.startServices()
            }
        }
    }

    @Test func theExecutableExitsTwoWhenTheStateIsLocked() async throws {
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        let binary = directory.appendingPathComponent("dynamotrail")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the dynamotrail executable first")
        try await withServer(listening: false) { (server: TestServer) async throws in
            let child = Process()
            child.executableURL = binary
            child.arguments = ["serve", "--bucket", server.bucket.path, "--port", "0"]
            child.currentDirectoryURL = server.bucket
            child.environment = ["PATH": "/usr/bin:/bin"]
            let errors = Pipe()
            child.standardError = errors
            child.standardOutput = FileHandle.nullDevice
            try child.run()
            // Bounded wait: a child that started serving would never exit on its own.
            for _ in 0..<500 where child.isRunning { try await Task.sleep(nanoseconds: 20_000_000) }
            if child.isRunning {
                child.terminate()
                child.waitUntilExit()
                Issue.record("the second server kept running")
                return
            }
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(child.terminationStatus == 2)
            #expect(message.contains("in use by another DynamoTrail server"), "stderr: \(message)")
        }
    }
}
