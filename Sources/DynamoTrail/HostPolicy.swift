/// Which `Host` names the server answers to, and which browser origins may call its admin endpoints:
/// a page on another site cannot reach a loopback server through DNS rebinding (its `Host` names the
/// attacker's domain) nor reset it with a cross-site POST (its `Origin` names another host). Our
/// proposal; AWS's endpoints are not reachable this way. Immutable.
public struct HostPolicy: Sendable {
    /// The allowed names, lowercase; subdomains are allowed too (`<bucket>.localhost`, S3's virtual
    /// hosts). nil: every host (a server bound to a non-loopback address, or `"*"` configured).
    let allowedNames: [String]?

    /// `configured` wins when given (`"*"` allows every host); otherwise a loopback server answers to
    /// `localhost`, `127.0.0.1`, `::1` and its bound host, and any other server to every host.
    init(configured: [String]?, bindHost: String) {
        if let configured {
            allowedNames = configured.contains("*") ? nil : configured.map { $0.lowercased() }
        } else if Self.isLoopback(bindHost) {
            allowedNames = Array(Set(["localhost", "127.0.0.1", "::1", bindHost.lowercased()])).sorted()
        } else {
            allowedNames = nil
        }
    }

    /// True for a request without `Host` (HTTP/1.0: no browser sends one) or naming an allowed host.
    func allows(hostHeader: String?) -> Bool {
        guard let allowedNames, let hostHeader else { return true }
        let name = Self.hostName(hostHeader)
        return allowedNames.contains { name == $0 || name.hasSuffix("." + $0) }
    }

    /// True when an admin request may proceed: no `Origin` (not a browser's cross-origin request) or
    /// an origin on an allowed host (the server's own page).
    func allowsAdmin(origin: String?) -> Bool {
        guard let origin else { return true }
        guard let schemeEnd = origin.firstByteRange(of: "://") else { return false }
        let authority = String(origin[schemeEnd.upperBound...])
        return allowedNames == nil ? true : allows(hostHeader: authority)
    }

    /// `127.0.0.1`, `localhost`, `::1` and the rest of 127.0.0.0/8.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// The name part of a `Host` value: without the port, without IPv6 brackets, lowercase.
    static func hostName(_ header: String) -> String {
        var text = Substring(header.lowercased())
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return String(text) }
            return String(text[text.index(after: text.startIndex)..<close])
        }
        if let colon = text.lastIndex(of: ":"), text[text.index(after: colon)...].allSatisfy(\.isNumber) {
            text = text[..<colon]
        }
        return String(text)
    }
}
