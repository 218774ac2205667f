import AWSProtocol

/// Unique ids for identities the config leaves without one, shaped like AWS's: a 4-letter prefix
/// (`AIDA` users, `AROA` roles) and 17 characters of the base32 alphabet `[A-Z2-7]`, 21 in all, as
/// IAM's unique ids are (IAM User Guide, "IAM identifiers": unique identifiers);
/// deterministic in account and name so the same config always logs the same ids.
public enum DerivedPrincipalID {
    /// 32 symbols: a byte modulo 32 picks one without bias.
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// `prefix` + 17 characters taken from SHA-256 of `accountId`, `kind` and `name`.
    public static func make(prefix: String, accountId: String, kind: String, name: String) -> String {
        let digest = Digest.sha256(Array("\(accountId)\u{0}\(kind)\u{0}\(name)".utf8))
        let tail = digest.prefix(17).map { alphabet[Int($0) % alphabet.count] }
        return prefix + String(decoding: tail, as: UTF8.self)
    }

    /// An IAM user's unique id (`AIDA…`).
    public static func user(accountId: String, userName: String) -> String {
        make(prefix: "AIDA", accountId: accountId, kind: "user", name: userName)
    }

    /// An IAM role's unique id (`AROA…`).
    public static func role(accountId: String, roleName: String) -> String {
        make(prefix: "AROA", accountId: accountId, kind: "role", name: roleName)
    }
}
