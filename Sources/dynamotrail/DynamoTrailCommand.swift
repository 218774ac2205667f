import CloudTrail
import Dispatch
import DynamoTrail
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The `dynamotrail` executable: parses arguments, loads the configuration, runs a subcommand.
@main
struct DynamoTrailCommand {
    static func main() async {
        let invocation: CommandLineInvocation
        do {
            invocation = try CommandLineInvocation.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            fail(error, hint: true)
        }
        if invocation.wantsVersion {
            write("dynamotrail \(DynamoTrailVersion.current)\n")
            Platform.exit(0)
        }
        if invocation.wantsHelp {
            let explicit = CommandLine.arguments.dropFirst().first.map { !$0.hasPrefix("-") } ?? false
            write((explicit ? HelpText.forSubcommand(invocation.subcommand) : HelpText.tool + "\n\n" + HelpText.serve) + "\n")
            Platform.exit(0)
        }
        let configuration: Configuration
        do {
            configuration = try loadConfiguration(invocation)
        } catch {
            fail(error, hint: false)
        }
        switch invocation.subcommand {
        case .serve:
            await serve(configuration)
        case .sample:
            await sample(invocation, configuration)
        case .events:
            await events(invocation, configuration)
        case .validate:
            await validate(invocation, configuration)
        }
    }

    static func loadConfiguration(_ invocation: CommandLineInvocation) throws(ConfigurationError) -> Configuration {
        let environment = ProcessInfo.processInfo.environment
        let explicitPath = invocation.options["config"] ?? environment["DYNAMOTRAIL_CONFIG"]
        let path = explicitPath ?? "./config.json"
        var bytes: [UInt8]? = nil
        if let data = FileManager.default.contents(atPath: path) {
            bytes = Array(data)
        } else if explicitPath != nil {
            throw ConfigurationError(key: "--config", reason: "cannot read \(path)")
        }
        var flags = invocation.options
        flags["config"] = nil
        let serveKeys = Set(Configuration.overridableKeys)
        flags = flags.filter { serveKeys.contains($0.key) }
        // `sample --state-dir` belongs to its own output, not to the configured bucket (checked in `sample`).
        if invocation.subcommand == .sample { flags["state-dir"] = nil }
        return try Configuration.load(fileBytes: bytes, environment: environment, flags: flags)
    }

    static func serve(_ configuration: Configuration) async {
        let server = DynamoTrailServer(configuration: configuration)
        let port: Int
        do {
            port = try await server.start()
        } catch TrailError.locked(let directory) {
            writeError("dynamotrail: \(TrailError.locked(directory: directory))\n")
            Platform.exit(2)
        } catch let error as StateMigrationError {
            writeError("dynamotrail: \(error)\n")
            Platform.exit(2)
        } catch {
            writeError("dynamotrail: cannot listen on \(configuration.server.host):\(configuration.server.port): \(error)\n")
            Platform.exit(1)
        }
        let host = configuration.server.host.contains(":") ? "[\(configuration.server.host)]" : configuration.server.host
        write("dynamotrail listening on http://\(host):\(port)\n")
        if !HostPolicy.isLoopback(configuration.server.host) {
            writeError(
                "dynamotrail: warning: listening on \(host), reachable from other machines; "
                    + (configuration.auth.mode == .enforce
                        ? "calls and admin endpoints need signed requests (auth enforce)\n"
                        : "auth is lenient: anyone who can connect may call it and reset it (use --auth enforce)\n"))
        }
        await waitForTerminationSignal()
        writeError("dynamotrail: shutting down\n")
        let keys = await server.shutdown()
        for key in keys { write("delivered \(key)\n") }
        Platform.exit(0)
    }

    /// Suspends until SIGINT or SIGTERM arrives.
    static func waitForTerminationSignal() async {
        let latch = SignalLatch()
        let sources = Platform.terminationSignals.map { number -> any DispatchSourceSignal in
            Platform.ignoreSignal(number)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { @Sendable in latch.fire() }
            source.resume()
            return source
        }
        await latch.wait()
        // The sources live until the first signal; later ones stay ignored.
        withExtendedLifetime(sources) {}
    }

    static func write(_ text: String) { Platform.StandardStream.output.write(text) }
    static func writeError(_ text: String) { Platform.StandardStream.error.write(text) }

    static func fail(_ error: ConfigurationError, hint: Bool) -> Never {
        writeError("dynamotrail: \(error)\n")
        Platform.exit(2)
    }
}
