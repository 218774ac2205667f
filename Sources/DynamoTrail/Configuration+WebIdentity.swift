import AWSProtocol
import CallHandling

/// `accounts[].identities[].webIdentity`: an AssumedRole session that came from
/// `AssumeRoleWithWebIdentity` (our config shape):
/// `{"provider": "arn:aws:iam::ACCT:oidc-provider/token.actions.githubusercontent.com", "attributes": {}}`.
///
/// `provider` is what the records' `federatedProvider` shows: an IAM OIDC provider's ARN in the
/// identity's own account (a role trusts providers of its account: AWS IAM User Guide, "Create a role for
/// OpenID Connect federation") or one of the providers STS knows by name (AWS STS API Reference,
/// "AssumeRoleWithWebIdentity": Amazon Cognito, Login with Amazon, Facebook, Google).
extension Configuration {
    static let namedWebIdentityProviders = [
        "cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com", "www.amazon.com",
    ]

    /// Reads `webIdentity` of one identity entry; refuses it on types other than AssumedRole and on
    /// sessions marked MFA-authenticated (AssumeRoleWithWebIdentity takes no MFA).
    static func webIdentity(_ reader: inout ConfigReader, type: IdentitySettings.Kind, mfaAuthenticated: Bool)
        throws(ConfigurationError) -> WebIdFederationData?
    {
        guard var section = try reader.object("webIdentity") else { return nil }
        guard type == .assumedRole else {
            throw ConfigurationError(
                key: reader.key("webIdentity"), reason: "is only for type AssumedRole (sessions from AssumeRoleWithWebIdentity)")
        }
        if mfaAuthenticated {
            throw ConfigurationError(
                key: reader.key("mfaAuthenticated"), reason: "must be false with webIdentity (AssumeRoleWithWebIdentity takes no MFA)")
        }
        guard let provider = try section.string("provider"), !provider.isEmpty else {
            throw ConfigurationError(key: section.key("provider"), reason: "is required")
        }
        if let problem = providerProblem(provider) { throw ConfigurationError(key: section.key("provider"), reason: problem) }
        var attributes: [String: String] = [:]
        if let claims = try section.object("attributes") {
            for member in claims.object.members {
                guard case .string(let value) = member.value else {
                    throw ConfigurationError(key: claims.key(member.key), reason: "must be a string")
                }
                attributes[member.key] = value
            }
        }
        try section.finish()
        return WebIdFederationData(federatedProvider: provider, attributes: attributes)
    }

    /// Why `provider` cannot be a web identity provider, or nil when it can.
    static func providerProblem(_ provider: String) -> String? {
        if namedWebIdentityProviders.contains(provider) { return nil }
        let shape =
            "must be an IAM OIDC provider ARN (arn:aws:iam::ACCOUNT:oidc-provider/HOST) or one of "
            + namedWebIdentityProviders.map { "\"\($0)\"" }.joined(separator: ", ")
        guard provider.hasPrefix("arn:aws:iam::") else { return shape }
        let parts = provider.dropFirst("arn:aws:iam::".count).split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].hasPrefix("oidc-provider/") else { return shape }
        let account = parts[0]
        let url = parts[1].dropFirst("oidc-provider/".count)
        guard account.utf8.count == 12, account.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return "must name a 12-digit account in its ARN"
        }
        guard let host = url.split(separator: "/").first, !host.isEmpty,
            url.utf8.allSatisfy({ $0 > 32 && $0 < 127 }), !url.hasSuffix("/")
        else { return "must name the provider's host after oidc-provider/ (like token.actions.githubusercontent.com)" }
        return nil
    }

    /// An OIDC provider ARN must belong to the identity's own account.
    func checkWebIdentityAccount(_ identity: IdentitySettings, accountId: String, key: String) throws(ConfigurationError) {
        guard let provider = identity.webIdentity?.federatedProvider, provider.hasPrefix("arn:") else { return }
        guard provider.hasPrefix("arn:aws:iam::\(accountId):") else {
            throw ConfigurationError(
                key: key + ".webIdentity.provider", reason: "must be an OIDC provider of account \(accountId), the role's account")
        }
    }
}
