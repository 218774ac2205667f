import AWSProtocol
import CallHandling
import CloudTrail

extension Configuration {
    /// Checks rules that span keys, and every name that becomes part of a path, a key or an ARN, so
    /// that a bad configuration stops the start (exit 2, with the key and the reason) instead of
    /// writing outside the bucket or serving the whole filesystem.
    func validate() throws(ConfigurationError) {
        try validateNames()
        try validateStatePlacement()
        if accounts.isEmpty { throw ConfigurationError(key: "accounts", reason: "must list at least one account") }
        if accounts.filter(\.isDefault).count > 1 {
            throw ConfigurationError(key: "accounts", reason: "only one account may be \"default\": true")
        }
        var accountIds = Set<String>()
        var keys = Set<String>()
        for (i, account) in accounts.enumerated() {
            guard accountIds.insert(account.accountId).inserted else {
                throw ConfigurationError(key: "accounts[\(i)].accountId", reason: "repeats account \(account.accountId)")
            }
            for (j, identity) in account.identities.enumerated() {
                guard keys.insert(identity.accessKeyId).inserted else {
                    throw ConfigurationError(
                        key: "accounts[\(i)].identities[\(j)].accessKeyId", reason: "repeats access key \(identity.accessKeyId)")
                }
                try checkWebIdentityAccount(identity, accountId: account.accountId, key: "accounts[\(i)].identities[\(j)]")
            }
        }
        if trail.encryption.type == "aws:kms", trail.encryption.kmsKeyId == nil {
            throw ConfigurationError(key: "trail.encryption.kmsKeyId", reason: "is required when type is \"aws:kms\"")
        }
    }

    /// Names that end up in paths, S3 keys and ARNs, checked as AWS checks them.
    private func validateNames() throws(ConfigurationError) {
        for (key, region) in [("server.defaultRegion", defaultRegion), ("trail.homeRegion", trail.homeRegion)]
        where !AWSRegionName.isValid(region) {
            throw ConfigurationError(
                key: key, reason: "\"\(region)\" is not a region name (lowercase letters and digits joined by hyphens, like us-east-1)")
        }
        if let reason = ConfigurationNames.trailNameProblem(trail.name) { throw ConfigurationError(key: "trail.name", reason: reason) }
        if let reason = ConfigurationNames.bucketNameProblem(trail.bucket.name) {
            throw ConfigurationError(key: "trail.bucket.name", reason: reason)
        }
        if let reason = ConfigurationNames.keyPrefixProblem(trail.bucket.keyPrefix) {
            throw ConfigurationError(key: "trail.bucket.keyPrefix", reason: reason)
        }
        if let organizationId = trail.organizationId, let reason = ConfigurationNames.organizationIdProblem(organizationId) {
            throw ConfigurationError(key: "trail.organizationId", reason: reason)
        }
        if let regions = trail.regions {
            if regions.isEmpty { throw ConfigurationError(key: "trail.regions", reason: "must list at least one region") }
            if let bad = regions.first(where: { !AWSRegionName.isValid($0) }) {
                throw ConfigurationError(
                    key: "trail.regions",
                    reason: "\"\(bad)\" is not a region name (lowercase letters and digits joined by hyphens, like us-east-1)")
            }
        }
        let paths = [
            ("trail.bucket.path", trail.bucket.path), ("journal.path", journal.path),
            ("trail.notifications.file", trail.notifications.file), ("trail.stateDirectory", trail.stateDirectory),
        ]
        for (key, path) in paths {
            if let path, path.isEmpty || path.utf8.contains(0) {
                throw ConfigurationError(key: key, reason: "must be a non-empty path")
            }
        }
    }
}
