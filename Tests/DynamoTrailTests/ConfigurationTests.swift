import Foundation
import Testing

@testable import CallHandling
@testable import CloudTrailService
@testable import DynamoTrail

/// Loading the configuration (file, environment, flags, with errors naming the key) and parsing command lines.
@Suite struct ConfigurationTests {
    static let shippedConfig: [UInt8] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config.json")
        return (try? Array(Data(contentsOf: url))) ?? []
    }()

    @Test func shippedConfigIsTheDemo() throws {
        let configuration = try Configuration.load(fileBytes: Self.shippedConfig, environment: [:], flags: [:])
        #expect(configuration.server.port == 8000)
        #expect(configuration.server.host == "127.0.0.1")
        #expect(configuration.accounts.map(\.accountId) == ["123456789012", "210987654321"])
        #expect(configuration.defaultAccount.accountId == "123456789012")
        let types = Set(configuration.accounts[0].identities.map(\.type))
        #expect(types == Set(IdentitySettings.Kind.allCases))
        #expect(configuration.trail.deliveryIntervalSeconds == 5)
        #expect(configuration.trail.digest.enabled)
        #expect(configuration.accounts[0].identities.first(where: { $0.type == .federatedUser })?.deny == ["dynamodb:DeleteTable"])
    }

    @Test func defaultsWithoutAFile() throws {
        let configuration = try Configuration.load(fileBytes: nil, environment: [:], flags: [:])
        #expect(configuration.server.port == 8000)
        #expect(configuration.auth.mode == .lenient)
        #expect(configuration.defaultAccount.accountId == "123456789012")
    }

    @Test func trailRegionsAreReadAndDefaultToNone() throws {
        #expect(try Configuration.load(fileBytes: nil, environment: [:], flags: [:]).trail.regions == nil)
        let file = Array(#"{"trail":{"regions":["us-east-1","eu-west-1"]}}"#.utf8)
        #expect(try Configuration.load(fileBytes: file, environment: [:], flags: [:]).trail.regions == ["us-east-1", "eu-west-1"])
    }

    @Test func environmentOverridesTheFileAndFlagsOverrideBoth() throws {
        let file = Array(#"{"server":{"port":9000,"host":"0.0.0.0"}}"#.utf8)
        let fromEnvironment = try Configuration.load(fileBytes: file, environment: ["DYNAMOTRAIL_PORT": "9100"], flags: [:])
        #expect(fromEnvironment.server.port == 9100)
        #expect(fromEnvironment.server.host == "0.0.0.0")
        let fromFlags = try Configuration.load(
            fileBytes: file, environment: ["DYNAMOTRAIL_PORT": "9100", "DYNAMOTRAIL_DELIVERY_INTERVAL": "1"],
            flags: ["port": "0", "auth": "enforce", "bucket": "/tmp/x"])
        #expect(fromFlags.server.port == 0)
        #expect(fromFlags.auth.mode == .enforce)
        #expect(fromFlags.trail.bucket.path == "/tmp/x")
        #expect(fromFlags.trail.deliveryIntervalSeconds == 1)
    }

    @Test(arguments: [
        (#"{"server":{"prot":1}}"#, "server.prot: unknown key"),
        (#"{"server":{"port":70000}}"#, "server.port: must be an integer from 0 to 65535"),
        (#"{"server":{"port":"80"}}"#, "server.port: must be an integer from 0 to 65535"),
        (#"{"auth":{"mode":"strict"}}"#, #"auth.mode: must be one of "lenient", "enforce""#),
        (#"{"accounts":[{"accountId":"123"}]}"#, "accounts[0].accountId: must be 12 digits"),
        (
            #"{"accounts":[{"accountId":"123456789012","identities":[{"type":"IAMUser","accessKeyId":"A","secretAccessKey":"s"}]}]}"#,
            "accounts[0].identities[0].userName: is required for type IAMUser"
        ),
        (
            #"{"accounts":[{"accountId":"123456789012","identities":[{"type":"Robot"}]}]}"#,
            #"accounts[0].identities[0].type: must be one of "Root", "IAMUser", "AssumedRole", "FederatedUser""#
        ),
        (#"{"trail":{"bucket":{"keyPrefix":"logs/"}}}"#, #"trail.bucket.keyPrefix: must not start or end with "/""#),
        (#"{"trail":{"readWriteType":"Some"}}"#, #"trail.readWriteType: must be one of "All", "ReadOnly", "WriteOnly""#),
        (#"{"journal":{"fsync":"sometimes"}}"#, #"journal.fsync: must be one of "never", "batch", "always", "interval""#),
        (
            #"{"dynamodb":{"transitions":{"createSeconds":-1}}}"#,
            "dynamodb.transitions.createSeconds: must be a number of seconds from 0.0 to 86400.0"
        ),
        // Names that become paths, keys and ARNs, checked at start.
        (
            #"{"trail":{"bucket":{"keyPrefix":"../../x"}}}"#,
            #"trail.bucket.keyPrefix: must not contain an empty, "." or ".." segment"#
        ),
        (#"{"trail":{"bucket":{"keyPrefix":"a//b"}}}"#, #"trail.bucket.keyPrefix: must not contain an empty, "." or ".." segment"#),
        (
            #"{"trail":{"organizationId":"../../x"}}"#,
            #"trail.organizationId: must be "o-" and 10 to 32 lowercase letters or digits (like o-exampleorgid)"#
        ),
        (#"{"trail":{"regions":[]}}"#, "trail.regions: must list at least one region"),
        (
            #"{"trail":{"regions":["us-east-1","../x"]}}"#,
            #"trail.regions: "../x" is not a region name (lowercase letters and digits joined by hyphens, like us-east-1)"#
        ),
        (#"{"trail":{"regions":"us-east-1"}}"#, "trail.regions: must be an array"),
        (#"{"trail":{"bucket":{"path":""}}}"#, "trail.bucket.path: must be a non-empty path"),
        (#"{"journal":{"path":""}}"#, "journal.path: must be a non-empty path"),
        (#"{"trail":{"name":"../x"}}"#, "trail.name: may contain only ASCII letters, digits, periods, underscores and dashes"),
        (#"{"trail":{"name":"my--trail"}}"#, "trail.name: must not have adjacent periods, underscores or dashes"),
        (#"{"trail":{"name":"192.168.5.4"}}"#, "trail.name: must not be an IP address"),
        (#"{"trail":{"bucket":{"name":"../x"}}}"#, "trail.bucket.name: may contain only lowercase letters, digits, periods and hyphens"),
        (#"{"trail":{"bucket":{"name":"My-Logs"}}}"#, "trail.bucket.name: may contain only lowercase letters, digits, periods and hyphens"),
        (
            #"{"trail":{"homeRegion":".."}}"#,
            #"trail.homeRegion: ".." is not a region name (lowercase letters and digits joined by hyphens, like us-east-1)"#
        ),
        (
            #"{"server":{"defaultRegion":"a_b"}}"#,
            #"server.defaultRegion: "a_b" is not a region name (lowercase letters and digits joined by hyphens, like us-east-1)"#
        ),
        (#"[1]"#, "(top level): must be a JSON object"),
        (#"{"server":"#, "config.json: not valid JSON (unexpected end of input at byte 10)"),
    ])
    func badValuesNameTheKey(_ text: String, _ message: String) {
        #expect(throws: ConfigurationError.self) {
            do {
                _ = try Configuration.load(fileBytes: Array(text.utf8), environment: [:], flags: [:])
            } catch {
                #expect("\(error)" == message)
                throw error
            }
        }
    }

    @Test func badFlagsAndVariablesNameTheirSource() {
        #expect(throws: ConfigurationError(key: "--port", reason: "must be an integer from 0 to 65535")) {
            try Configuration.load(fileBytes: nil, environment: [:], flags: ["port": "x"])
        }
        #expect(throws: ConfigurationError(key: "DYNAMOTRAIL_AUTH", reason: "must be \"lenient\" or \"enforce\"")) {
            try Configuration.load(fileBytes: nil, environment: ["DYNAMOTRAIL_AUTH": "none"], flags: [:])
        }
    }

    @Test func parsesAServeCommandLine() throws {
        let serve = try CommandLineInvocation.parse(["--port", "0", "--bucket=/tmp/b"])
        #expect(serve.subcommand == .serve)
        #expect(serve.options == ["port": "0", "bucket": "/tmp/b"])
    }

    @Test func parsesASubcommandWithSwitchesAndHelp() throws {
        let events = try CommandLineInvocation.parse(["events", "--json", "--region", "us-east-1", "--help"])
        #expect(events.subcommand == .events && events.switches == ["json"] && events.wantsHelp)
    }

    @Test func refusesUnknownSubcommandsMissingValuesAndForeignSwitches() {
        #expect(throws: ConfigurationError.self) { try CommandLineInvocation.parse(["frobnicate"]) }
        #expect(throws: ConfigurationError.self) { try CommandLineInvocation.parse(["--port"]) }
        #expect(throws: ConfigurationError.self) { try CommandLineInvocation.parse(["serve", "--json"]) }
    }
}
