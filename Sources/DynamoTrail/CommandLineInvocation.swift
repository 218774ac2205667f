/// What the user asked for on the command line: a subcommand, its flags, or help / version.
public struct CommandLineInvocation: Sendable, Equatable {
    public enum Subcommand: String, Sendable, CaseIterable { case serve, events, validate, sample }

    public var subcommand: Subcommand = .serve
    /// `--name value` and `--name=value` pairs, by name without dashes.
    public var options: [String: String] = [:]
    /// Flags without values (`--json`, `--verbose`).
    public var switches: Set<String> = []
    public var wantsHelp = false
    public var wantsVersion = false

    public init() {}

    /// Flags that take no value, per subcommand.
    static let switchNames: [Subcommand: Set<String>] = [
        .serve: [], .events: ["json", "read-only", "errors"], .validate: ["verbose"], .sample: ["quiet"],
    ]

    /// Flags that take a value, per subcommand.
    public static let optionNames: [Subcommand: [String]] = [
        .serve: ["config", "host", "port", "bucket", "state-dir", "delivery-interval", "auth", "allow-anonymous", "log-level"],
        .events: [
            "bucket", "config", "account", "region", "event-name", "user", "access-key", "start-time", "end-time", "limit",
        ],
        .validate: ["bucket", "state-dir", "config", "start-time", "end-time", "account", "region"],
        .sample: ["output", "state-dir", "count", "seed", "start-time", "end-time", "regions", "config"],
    ]

    /// Parses `arguments` (without the program name). Throws a `ConfigurationError` naming the bad argument.
    public static func parse(_ arguments: [String]) throws(ConfigurationError) -> CommandLineInvocation {
        var invocation = CommandLineInvocation()
        var rest = arguments[...]
        if let first = rest.first, !first.hasPrefix("-") {
            guard let subcommand = Subcommand(rawValue: first) else {
                throw ConfigurationError(key: first, reason: "unknown command (try: serve, events, validate, sample; --help)")
            }
            invocation.subcommand = subcommand
            rest = rest.dropFirst()
        }
        let optionNames = Set(Self.optionNames[invocation.subcommand] ?? [])
        let switchNames = Self.switchNames[invocation.subcommand] ?? []
        while let argument = rest.first {
            rest = rest.dropFirst()
            switch argument {
            case "-h", "--help", "help":
                invocation.wantsHelp = true
                continue
            case "--version", "-V":
                invocation.wantsVersion = true
                continue
            default: break
            }
            guard argument.hasPrefix("--"), argument.count > 2 else {
                throw ConfigurationError(key: argument, reason: "unexpected argument (see --help)")
            }
            var name = String(argument.dropFirst(2))
            var value: String? = nil
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if switchNames.contains(name) {
                guard value == nil else { throw ConfigurationError(key: "--\(name)", reason: "takes no value") }
                invocation.switches.insert(name)
                continue
            }
            guard optionNames.contains(name) else {
                throw ConfigurationError(key: "--\(name)", reason: "unknown option for \(invocation.subcommand.rawValue) (see --help)")
            }
            if value == nil {
                guard let next = rest.first else { throw ConfigurationError(key: "--\(name)", reason: "needs a value") }
                value = next
                rest = rest.dropFirst()
            }
            invocation.options[name] = value
        }
        return invocation
    }
}
