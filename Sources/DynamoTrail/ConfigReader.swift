import AWSProtocol

/// Reads one JSON object of the configuration, remembering which keys were read so that
/// `finish()` can refuse the ones nobody knows (a typo must not be silently ignored).
struct ConfigReader {
    let path: String
    let object: JSONObject
    private var seen: Set<String> = []

    init(_ value: JSONValue, path: String) throws(ConfigurationError) {
        guard case .object(let object) = value else {
            throw ConfigurationError(key: path.isEmpty ? "(top level)" : path, reason: "must be a JSON object")
        }
        self.object = object
        self.path = path
    }

    func key(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    /// The raw value, nil when absent or null (null means "keep the default").
    private mutating func value(_ name: String) -> JSONValue? {
        seen.insert(name)
        guard let value = object[name], value != .null else { return nil }
        return value
    }

    /// True when the key is present with an explicit `null`.
    func isExplicitNull(_ name: String) -> Bool { object[name] == .null }

    mutating func string(_ name: String) throws(ConfigurationError) -> String? {
        guard let value = value(name) else { return nil }
        guard case .string(let s) = value else { throw ConfigurationError(key: key(name), reason: "must be a string") }
        return s
    }

    mutating func bool(_ name: String) throws(ConfigurationError) -> Bool? {
        guard let value = value(name) else { return nil }
        guard case .bool(let b) = value else { throw ConfigurationError(key: key(name), reason: "must be true or false") }
        return b
    }

    mutating func int(_ name: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        guard let value = value(name) else { return nil }
        guard case .number(let n) = value, let i = n.int64Value, range.contains(Int(i)) else {
            throw ConfigurationError(key: key(name), reason: "must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(i)
    }

    mutating func seconds(_ name: String, in range: ClosedRange<Double>) throws(ConfigurationError) -> Double? {
        guard let value = value(name) else { return nil }
        guard case .number(let n) = value, range.contains(n.doubleValue) else {
            throw ConfigurationError(key: key(name), reason: "must be a number of seconds from \(range.lowerBound) to \(range.upperBound)")
        }
        return n.doubleValue
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type) throws(ConfigurationError) -> E?
    where E.RawValue == String {
        guard let text = try string(name) else { return nil }
        guard let choice = E(rawValue: text) else {
            throw ConfigurationError(
                key: key(name), reason: "must be one of \(E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
        }
        return choice
    }

    mutating func object(_ name: String) throws(ConfigurationError) -> ConfigReader? {
        guard let value = value(name) else { return nil }
        return try ConfigReader(value, path: key(name))
    }

    mutating func array(_ name: String) throws(ConfigurationError) -> [JSONValue]? {
        guard let value = value(name) else { return nil }
        guard case .array(let elements) = value else { throw ConfigurationError(key: key(name), reason: "must be an array") }
        return elements
    }

    mutating func strings(_ name: String) throws(ConfigurationError) -> [String]? {
        guard let elements = try array(name) else { return nil }
        var out: [String] = []
        for (i, element) in elements.enumerated() {
            guard case .string(let s) = element else { throw ConfigurationError(key: "\(key(name))[\(i)]", reason: "must be a string") }
            out.append(s)
        }
        return out
    }

    /// Refuses keys that were never read.
    func finish() throws(ConfigurationError) {
        if let unknown = object.keys.first(where: { !seen.contains($0) }) {
            throw ConfigurationError(key: key(unknown), reason: "unknown key")
        }
    }
}
