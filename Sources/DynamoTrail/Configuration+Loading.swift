import AWSProtocol
import CallHandling
import CloudTrail
import DynamoDB
import HTTPServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension Configuration {
    /// The overrides that the command line and `DYNAMOTRAIL_*` variables can set, by flag name.
    public static let overridableKeys = [
        "host", "port", "bucket", "delivery-interval", "auth", "allow-anonymous", "log-level", "state-dir",
    ]

    /// Builds the configuration: defaults, then the JSON file (if any), then environment variables
    /// `DYNAMOTRAIL_<KEY>` (`DYNAMOTRAIL_PORT`, `DYNAMOTRAIL_DELIVERY_INTERVAL`), then flags (`port` → value).
    public static func load(
        fileBytes: [UInt8]?, environment: [String: String], flags: [String: String]
    ) throws(ConfigurationError) -> Configuration {
        var configuration = Configuration()
        if let fileBytes {
            let json: JSONValue
            do {
                json = try JSONParser.parse(fileBytes)
            } catch {
                throw ConfigurationError(key: "config.json", reason: "not valid JSON (\(error.reason) at byte \(error.offset))")
            }
            try configuration.apply(json)
        }
        for key in overridableKeys {
            let variable = "DYNAMOTRAIL_" + key.uppercased().replacing("-", with: "_")
            if let value = environment[variable] { try configuration.override(key, value, source: variable) }
        }
        for (key, value) in flags.sorted(by: { $0.key < $1.key }) {
            try configuration.override(key, value, source: "--\(key)")
        }
        try configuration.validate()
        return configuration
    }

    /// Applies one flag-style override.
    mutating func override(_ key: String, _ value: String, source: String) throws(ConfigurationError) {
        switch key {
        case "host":
            guard !value.isEmpty else { throw ConfigurationError(key: source, reason: "must not be empty") }
            server.host = value
        case "port":
            guard let port = Int(value), (0...65535).contains(port) else {
                throw ConfigurationError(key: source, reason: "must be an integer from 0 to 65535")
            }
            server.port = port
        case "bucket":
            guard !value.isEmpty else { throw ConfigurationError(key: source, reason: "must not be empty") }
            trail.bucket.path = value
        case "state-dir":
            guard !value.isEmpty else { throw ConfigurationError(key: source, reason: "must not be empty") }
            trail.stateDirectory = value
        case "delivery-interval":
            guard let seconds = Double(value), seconds > 0, seconds <= 86400 else {
                throw ConfigurationError(key: source, reason: "must be a number of seconds from 0 to 86400 (exclusive of 0)")
            }
            trail.deliveryIntervalSeconds = seconds
        case "auth":
            guard let mode = AuthSettings.Mode(rawValue: value) else {
                throw ConfigurationError(key: source, reason: "must be \"lenient\" or \"enforce\"")
            }
            auth.mode = mode
        case "allow-anonymous":
            guard let allow = Bool(value) else { throw ConfigurationError(key: source, reason: "must be true or false") }
            auth.allowAnonymous = allow
        case "log-level":
            guard let level = LogLevel(rawValue: value) else {
                throw ConfigurationError(key: source, reason: "must be one of debug, info, warn, error")
            }
            logLevel = level
        default:
            throw ConfigurationError(key: source, reason: "unknown option")
        }
    }

    /// Reads a whole `config.json` document over the current values.
    mutating func apply(_ json: JSONValue) throws(ConfigurationError) {
        var root = try ConfigReader(json, path: "")
        _ = try root.string("$schema")
        _ = try root.string("comment")
        if var section = try root.object("server") {
            if let v = try section.string("host") { server.host = v }
            if let v = try section.int("port", in: 0...65535) { server.port = v }
            if let v = try section.int("maxHeaderBytes", in: 1024...(16 << 20)) { server.maxHeaderBytes = v }
            if let v = try section.int("maxBodyBytes", in: 0...(1 << 30)) { server.maxBodyBytes = v }
            if let v = try section.int("maxConnections", in: 1...1_000_000) { server.maxConnections = v }
            if let v = try section.seconds("idleTimeoutSeconds", in: 0.01...86400) { server.idleTimeoutSeconds = v }
            if let v = try section.seconds("requestTimeoutSeconds", in: 0.01...86400) { server.requestTimeoutSeconds = v }
            if let v = try section.seconds("writeTimeoutSeconds", in: 0.01...86400) { server.writeTimeoutSeconds = v }
            if let v = try section.choice("logLevel", LogLevel.self) { logLevel = v }
            if let v = try section.string("defaultRegion") { defaultRegion = v }
            if let v = try section.strings("allowedHosts") { allowedHosts = v }
            try section.finish()
        }
        if var section = try root.object("auth") {
            if let v = try section.choice("mode", AuthSettings.Mode.self) { auth.mode = v }
            if let v = try section.bool("allowAnonymous") { auth.allowAnonymous = v }
            try section.finish()
        }
        if let elements = try root.array("accounts") {
            var parsed: [AccountSettings] = []
            for (i, element) in elements.enumerated() {
                parsed.append(try Self.account(element, path: "accounts[\(i)]"))
            }
            accounts = parsed
        }
        if var section = try root.object("dynamodb") {
            if var transitions = try section.object("transitions") {
                if let v = try transitions.seconds("createSeconds", in: 0...86400) { dynamodb.createSeconds = v }
                if let v = try transitions.seconds("updateSeconds", in: 0...86400) { dynamodb.updateSeconds = v }
                if let v = try transitions.seconds("deleteSeconds", in: 0...86400) { dynamodb.deleteSeconds = v }
                try transitions.finish()
            }
            if var quotas = try section.object("quotas") {
                if let v = try quotas.int("tablesPerRegion", in: 1...1_000_000) { dynamodb.maxTablesPerRegion = v }
                if let v = try quotas.int("concurrentTableOperations", in: 1...1_000_000) { dynamodb.maxConcurrentTableOperations = v }
                try quotas.finish()
            }
            // DescribeTable's ItemCount/TableSizeBytes refresh period: 0 = live (DynamoDB Local), 21600 = AWS's ~6 h.
            if let v = try section.seconds("itemCountRefreshSeconds", in: 0...86400) { dynamodb.itemCountRefreshSeconds = v }
            // Item-collection limit of tables with local secondary indexes (AWS: 10 GB); small values for tests.
            if let v = try section.int("itemCollectionSizeLimitBytes", in: 1...(1 << 40)) { dynamodb.itemCollectionSizeLimitBytes = v }
            try section.finish()
        }
        if var section = try root.object("trail") { try applyTrail(&section) }
        if var section = try root.object("journal") {
            if let v = try section.string("path") { journal.path = v }
            if let v = try section.choice("fsync", JournalSettings.FsyncPolicy.self) { journal.fsync = v }
            if let v = try section.int("reserveBytes", in: 0...(1 << 34)) { journal.reserveBytes = v }
            try section.finish()
        }
        try root.finish()
    }

    private mutating func applyTrail(_ section: inout ConfigReader) throws(ConfigurationError) {
        if let v = try section.string("name") { trail.name = v }
        if let v = try section.string("homeRegion") { trail.homeRegion = v }
        if let v = try section.bool("tlsDetails") { trail.recordsTLSDetails = v }
        if var bucket = try section.object("bucket") {
            if let v = try bucket.string("path") { trail.bucket.path = v }
            if let v = try bucket.string("name") { trail.bucket.name = v }
            if let v = try bucket.string("keyPrefix") { trail.bucket.keyPrefix = v }
            try bucket.finish()
        }
        if let v = try section.string("stateDirectory") { trail.stateDirectory = v }
        if let v = try section.string("organizationId") { trail.organizationId = v }
        if let v = try section.strings("regions") { trail.regions = v }
        if let v = try section.seconds("deliveryIntervalSeconds", in: 0.01...86400) { trail.deliveryIntervalSeconds = v }
        if let v = try section.int("maxRecordsPerFile", in: 1...100_000) { trail.maxRecordsPerFile = v }
        if let v = try section.choice("readWriteType", TrailSettings.ReadWriteType.self) { trail.readWriteType = v }
        try applyEventSelectors(&section)
        if var digest = try section.object("digest") {
            if let v = try digest.bool("enabled") { trail.digest.enabled = v }
            if let v = try digest.seconds("intervalSeconds", in: 1...86400) { trail.digest.intervalSeconds = v }
            try digest.finish()
        }
        if var encryption = try section.object("encryption") {
            if let v = try encryption.string("type") {
                guard v == "AES256" || v == "aws:kms" else {
                    throw ConfigurationError(key: encryption.key("type"), reason: "must be \"AES256\" or \"aws:kms\"")
                }
                trail.encryption.type = v
            }
            if let v = try encryption.string("kmsKeyId") { trail.encryption.kmsKeyId = v }
            try encryption.finish()
        }
        if var retention = try section.object("retention") {
            trail.retention.archiveAfterDays = try retention.int("archiveAfterDays", in: 1...36500)
            trail.retention.deleteAfterDays = try retention.int("deleteAfterDays", in: 1...36500)
            try retention.finish()
        }
        if var notifications = try section.object("notifications") {
            if notifications.isExplicitNull("file") { trail.notifications.file = nil }
            if let v = try notifications.string("file") { trail.notifications.file = v }
            if let v = try notifications.string("webhookURL") { trail.notifications.webhookURL = v }
            try notifications.finish()
        }
        try section.finish()
    }

    private static func account(_ value: JSONValue, path: String) throws(ConfigurationError) -> AccountSettings {
        var reader = try ConfigReader(value, path: path)
        guard let accountId = try reader.string("accountId") else {
            throw ConfigurationError(key: reader.key("accountId"), reason: "is required")
        }
        guard accountId.utf8.count == 12, accountId.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw ConfigurationError(key: reader.key("accountId"), reason: "must be 12 digits")
        }
        var account = AccountSettings(accountId: accountId)
        account.alias = try reader.string("alias")
        account.isDefault = try reader.bool("default") ?? false
        for (i, element) in (try reader.array("identities") ?? []).enumerated() {
            account.identities.append(try identity(element, path: "\(path).identities[\(i)]"))
        }
        try reader.finish()
        return account
    }

    private static func identity(_ value: JSONValue, path: String) throws(ConfigurationError) -> IdentitySettings {
        var reader = try ConfigReader(value, path: path)
        guard let type = try reader.choice("type", IdentitySettings.Kind.self) else {
            throw ConfigurationError(key: reader.key("type"), reason: "is required")
        }
        func required(_ name: String, _ value: String?) throws(ConfigurationError) -> String {
            guard let value, !value.isEmpty else {
                throw ConfigurationError(key: reader.key(name), reason: "is required for type \(type.rawValue)")
            }
            return value
        }
        let accessKeyId = try required("accessKeyId", try reader.string("accessKeyId"))
        let secret = try required("secretAccessKey", try reader.string("secretAccessKey"))
        var identity = IdentitySettings(type: type, accessKeyId: accessKeyId, secretAccessKey: secret)
        identity.sessionToken = try reader.string("sessionToken")
        identity.userName = try reader.string("userName")
        identity.roleName = try reader.string("roleName")
        identity.roleId = try reader.string("roleId")
        identity.sessionName = try reader.string("sessionName")
        identity.mfaAuthenticated = try reader.bool("mfaAuthenticated") ?? false
        identity.federatedName = try reader.string("federatedName")
        identity.issuerUserName = try reader.string("issuerUserName")
        identity.principalId = try reader.string("principalId")
        identity.deny = try reader.strings("deny") ?? []
        identity.webIdentity = try webIdentity(&reader, type: type, mfaAuthenticated: identity.mfaAuthenticated)
        switch type {
        case .root: break
        case .iamUser: _ = try required("userName", identity.userName)
        case .assumedRole:
            _ = try required("roleName", identity.roleName)
            _ = try required("sessionName", identity.sessionName)
            _ = try required("sessionToken", identity.sessionToken)
        case .federatedUser:
            _ = try required("federatedName", identity.federatedName)
            _ = try required("sessionToken", identity.sessionToken)
        }
        try reader.finish()
        return identity
    }
}
