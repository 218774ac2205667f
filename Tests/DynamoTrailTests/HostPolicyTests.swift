import Testing

@testable import DynamoTrail

/// Which hosts and origins the server answers, without a server.
@Suite struct HostPolicyTests {
    @Test func aLoopbackServerAnswersOnlyLoopbackNames() {
        let policy = HostPolicy(configured: nil, bindHost: "127.0.0.1")
        for host in ["localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST", "dynamotrail-logs.localhost:8000", "127.0.0.1", nil] {
            #expect(policy.allows(hostHeader: host), "\(host ?? "no Host")")
        }
        for host in ["evil.example:8000", "localhost.evil.example", "127.0.0.2:8000", "attacker.com", ""] {
            #expect(!policy.allows(hostHeader: host), "\(host)")
        }
    }

    @Test func configuredHostsAndWildcards() {
        let named = HostPolicy(configured: ["dynamotrail", "Example.Test"], bindHost: "0.0.0.0")
        #expect(named.allows(hostHeader: "dynamotrail:8000") && named.allows(hostHeader: "example.test"))
        #expect(!named.allows(hostHeader: "localhost:8000"))
        #expect(HostPolicy(configured: ["*"], bindHost: "127.0.0.1").allows(hostHeader: "anything:1"))
        // A server bound to every address answers every host unless told otherwise.
        #expect(HostPolicy(configured: nil, bindHost: "0.0.0.0").allows(hostHeader: "10.0.0.5:8000"))
    }

    @Test func adminOriginsMustBeThisServersOwn() {
        let policy = HostPolicy(configured: nil, bindHost: "127.0.0.1")
        #expect(policy.allowsAdmin(origin: nil))
        #expect(policy.allowsAdmin(origin: "http://127.0.0.1:8000"))
        #expect(policy.allowsAdmin(origin: "http://localhost:8000"))
        #expect(!policy.allowsAdmin(origin: "https://evil.example"))
        #expect(!policy.allowsAdmin(origin: "null"))
    }

    @Test func hostNamesLoseTheirPortAndBrackets() {
        #expect(HostPolicy.hostName("[::1]:8000") == "::1")
        #expect(HostPolicy.hostName("Example.COM:80") == "example.com")
        #expect(HostPolicy.hostName("example.com") == "example.com")
        #expect(HostPolicy.isLoopback("127.0.0.1") && HostPolicy.isLoopback("::1") && !HostPolicy.isLoopback("0.0.0.0"))
    }
}
