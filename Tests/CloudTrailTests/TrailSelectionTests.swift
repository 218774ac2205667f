import AWSProtocol
import Foundation
import Synchronization
import Testing

@testable import CloudTrail

/// Selectors set at runtime are kept per trail and survive a restart while the configured ones stay the same.
@Suite struct TrailSelectionTests {
    static let allTables = TrailEventSelectors.basic([
        EventSelector(dataResources: [.init(type: "AWS::DynamoDB::Table", values: ["arn:aws:dynamodb"])])
    ])

    @Test func runtimeSelectorsSurviveARestartUntilTheConfigurationChanges() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("selection-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("event-selectors.json").path
        let first = TrailSelection(configured: .default, file: file)
        try first.set(Self.allTables, account: "123456789012")
        #expect(first.selectors(account: "123456789012") == Self.allTables)
        #expect(first.selectors(account: "210987654321") == .default)
        #expect(first.mayLogDataEvents(account: "123456789012"))
        #expect(!first.mayLogDataEvents(account: "210987654321"))

        let restarted = TrailSelection(configured: .default, file: file)
        #expect(restarted.selectors(account: "123456789012") == Self.allTables)
        #expect(restarted.selectors(account: "210987654321") == .default)

        // The organization trail (nil) sets every account's selectors at once.
        try restarted.set(.managementEvents(.writeOnly), account: nil)
        #expect(restarted.selectors(account: "123456789012") == .managementEvents(.writeOnly))
        #expect(TrailSelection(configured: .default, file: file).selectors(account: "210987654321") == .managementEvents(.writeOnly))

        let messages = Mutex<[String]>([])
        let reconfigured = TrailSelection(configured: Self.allTables, file: file) { line in messages.withLock { $0.append(line) } }
        #expect(reconfigured.selectors(account: "123456789012") == Self.allTables)
        #expect(messages.withLock { $0.count } == 1)
    }
}
