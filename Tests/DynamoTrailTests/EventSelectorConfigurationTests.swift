import AWSProtocol
import CloudTrail
import Foundation
import Testing

@testable import DynamoTrail

/// `trail.eventSelectors` / `trail.advancedEventSelectors` in config.json, checked at start as PutEventSelectors checks them.
@Suite struct EventSelectorConfigurationTests {
    static func load(_ text: String) throws -> Configuration {
        try Configuration.load(fileBytes: Array(text.utf8), environment: [:], flags: [:])
    }

    @Test func theShippedDemoLogsDataEventsForAllTables() throws {
        let configuration = try Configuration.load(fileBytes: ConfigurationTests.shippedConfig, environment: [:], flags: [:])
        #expect(
            configuration.trail.configuredEventSelectors
                == .basic([EventSelector(dataResources: [.init(type: "AWS::DynamoDB::Table", values: ["arn:aws:dynamodb"])])]))
    }

    @Test func defaultsAndTheOlderReadWriteTypeMapToOneBasicSelector() throws {
        #expect(try Self.load("{}").trail.configuredEventSelectors == .default)
        let writes = try Self.load(#"{"trail":{"readWriteType":"WriteOnly"}}"#)
        #expect(writes.trail.configuredEventSelectors == .basic([EventSelector(readWriteType: .writeOnly)]))
        let advanced = try Self.load(
            #"{"trail":{"advancedEventSelectors":[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]}]}}"#)
        #expect(
            advanced.trail.configuredEventSelectors
                == .advanced([AdvancedEventSelector(fieldSelectors: [.init(field: "eventCategory", equals: ["Management"])])]))
    }

    @Test(arguments: [
        (
            #"{"trail":{"eventSelectors":[{"DataResources":[{"Type":"AWS::DynamoDB::Table","Values":["Music"]}]}]}}"#,
            "trail.eventSelectors: Value Music for DataResources.Values is invalid."
        ),
        (#"{"trail":{"eventSelectors":[]}}"#, "trail.eventSelectors: Specify a valid number of EventSelectors (1 to 5) for your trail."),
        (#"{"trail":{"eventSelectors":{}}}"#, "trail.eventSelectors: must be an array"),
        (
            #"{"trail":{"eventSelectors":[{}],"advancedEventSelectors":[]}}"#,
            "trail.eventSelectors: cannot be combined with trail.advancedEventSelectors"
        ),
        (
            #"{"trail":{"readWriteType":"All","eventSelectors":[{}]}}"#,
            "trail.readWriteType: cannot be combined with trail.eventSelectors (use a selector's ReadWriteType instead)"
        ),
        (
            #"{"trail":{"advancedEventSelectors":[{"FieldSelectors":[{"Field":"eventName","Equals":["PutItem"]}]}]}}"#,
            "trail.advancedEventSelectors: Each advanced event selector must have a condition on the eventCategory field."
        ),
    ])
    func badSelectorsNameTheKey(_ text: String, _ message: String) {
        #expect(throws: ConfigurationError.self) {
            do {
                _ = try Self.load(text)
            } catch {
                #expect("\(error)" == message)
                throw error
            }
        }
    }
}
