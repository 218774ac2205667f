import CloudTrail
import Foundation
import Testing

@testable import DynamoTrail

/// `trail.stateDirectory` / `--state-dir`: the default beside the bucket, and a state directory (or
/// journal, or notifications file) inside the bucket, or one that holds it, refused at start.
@Suite struct StateDirectoryConfigurationTests {
    static func load(_ json: String = "{}", flags: [String: String] = [:]) throws(ConfigurationError) -> Configuration {
        try Configuration.load(fileBytes: Array(json.utf8), environment: [:], flags: flags)
    }

    @Test func theStateDirectoryDefaultsBesideTheBucketAndCanBeSet() throws {
        let defaults = try Self.load()
        #expect(defaults.stateDirectoryPath == "./bucket-state")
        #expect(defaults.trail.notificationFilePath == "./bucket-state/bucket-notifications.jsonl")
        let moved = try Self.load(flags: ["bucket": "/srv/logs"])
        #expect(moved.stateDirectoryPath == "/srv/logs-state")
        let configured = try Self.load(#"{"trail":{"stateDirectory":"/var/lib/dt"}}"#, flags: ["bucket": "/srv/logs"])
        #expect(configured.stateDirectoryPath == "/var/lib/dt" && configured.trail.state.keys == "/var/lib/dt/keys")
        let flagged = try Self.load(#"{"trail":{"stateDirectory":"/var/lib/dt"}}"#, flags: ["state-dir": "/opt/dt"])
        #expect(flagged.stateDirectoryPath == "/opt/dt")
    }

    @Test func theNotificationsFileIsOffWithNullAndAPathWhenGiven() throws {
        let off = try Self.load(#"{"trail":{"notifications":{"file":null}}}"#)
        #expect(off.trail.notificationFilePath == nil)
        let given = try Self.load(#"{"trail":{"notifications":{"file":"./n.jsonl"}}}"#)
        #expect(given.trail.notificationFilePath == "./n.jsonl")
        let shipped = try Self.load(#"{"trail":{"notifications":{"webhookURL":null}}}"#)
        #expect(shipped.trail.notificationFilePath == "./bucket-state/bucket-notifications.jsonl")
    }

    @Test(arguments: [
        (["bucket": "/srv/b", "state-dir": "/srv/b/state"], "trail.stateDirectory", "is inside the bucket directory"),
        (["bucket": "/srv/b", "state-dir": "/srv"], "trail.stateDirectory", "holds the bucket directory"),
        (["bucket": "/srv/b", "state-dir": "/srv/b/"], "trail.stateDirectory", "is the bucket directory itself"),
    ])
    func aStateDirectoryInsideOrAroundTheBucketIsRefused(flags: [String: String], key: String, reason: String) {
        do {
            _ = try Self.load(flags: flags)
            Issue.record("accepted \(flags)")
        } catch {
            #expect(error.key == key && error.reason.contains(reason), "\(error)")
        }
    }

    @Test func aJournalOrNotificationsFileInsideTheBucketIsRefused() {
        for (json, key) in [
            (#"{"journal":{"path":"/srv/b/.dynamotrail/journal"}}"#, "journal.path"),
            (#"{"trail":{"notifications":{"file":"/srv/b/n.jsonl"}}}"#, "trail.notifications.file"),
        ] {
            #expect(throws: ConfigurationError.self) { try Self.load(json, flags: ["bucket": "/srv/b"]) }
            do { _ = try Self.load(json, flags: ["bucket": "/srv/b"]) } catch { #expect(error.key == key) }
        }
    }
}
