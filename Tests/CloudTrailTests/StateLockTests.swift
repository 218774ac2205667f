import AWSProtocol
import Foundation
import Testing

@testable import CloudTrail

/// One recorder per journal directory: a second one would replay the first one's journal and deliver
/// every record twice.
@Suite struct StateLockTests {
    @Test func aSecondRecorderOnTheSameJournalIsRefusedUntilTheFirstStops() async throws {
        let harness = TrailHarness()
        let first = harness.makeRecorder()
        try first.start()
        try await first.record(Fixtures.event(), eventID: "only-once")
        let second = harness.makeRecorder(seed: 8)
        #expect(throws: TrailError.locked(directory: second.journalDirectory)) { try second.start() }
        #expect(throws: TrailError.locked(directory: second.journalDirectory)) { try second.lockStateDirectory() }
        await #expect(throws: TrailError.notStarted) { try await second.record(Fixtures.event()) }
        _ = await first.shutdown()
        let third = harness.makeRecorder(seed: 9)
        try third.start()
        _ = await third.shutdown()
        #expect(try harness.allEventIDs() == ["only-once"])
    }

    @Test func aCrashReleasesTheLock() async throws {
        let harness = TrailHarness()
        let first = harness.makeRecorder()
        try first.start()
        first.simulateCrash()
        let second = harness.makeRecorder(seed: 8)
        try second.start()
        _ = await second.shutdown()
    }

    @Test func theLockMessageNamesTheDirectory() {
        let text = TrailError.locked(directory: "/data/journal").description
        #expect(text.contains("/data/journal") && text.contains("another DynamoTrail server"))
    }
}
