/// One account of the `accounts` section of config.json, with the identities that may call as it.
public struct AccountSettings: Sendable, Equatable {
    public var accountId: String
    public var alias: String?
    /// The account that unknown access keys (lenient mode) and unsigned calls belong to.
    public var isDefault: Bool
    public var identities: [IdentitySettings]

    public init(accountId: String, alias: String? = nil, isDefault: Bool = false, identities: [IdentitySettings] = []) {
        self.accountId = accountId
        self.alias = alias
        self.isDefault = isDefault
        self.identities = identities
    }
}
