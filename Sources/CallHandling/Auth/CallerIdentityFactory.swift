import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Builds the `userIdentity` CloudTrail writes for each identity type (AWS CloudTrail User Guide: "CloudTrail userIdentity element",
/// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html): ids,
/// ARNs and session contexts, so every part of DynamoTrail (server, `sample`) spells them the same way.
public enum CallerIdentityFactory {
    /// The account root: principalId is the account id; `userName` is the account's alias when it has
    /// one and absent otherwise ("CloudTrail userIdentity element", `userName`: for the root user, the
    /// account alias if one is set).
    public static func root(accountId: String, accessKeyId: String?, alias: String? = nil) -> CallerIdentity {
        CallerIdentity(
            type: .root, principalId: accountId, arn: "arn:aws:iam::\(accountId):root", accountId: accountId,
            accessKeyId: accessKeyId, userName: alias?.isEmpty == false ? alias : nil)
    }

    /// An IAM user: `AIDA…` principal id (derived when nil), `arn:aws:iam::ACCT:user/NAME`, `userName`.
    public static func iamUser(accountId: String, userName: String, principalId: String? = nil, accessKeyId: String?)
        -> CallerIdentity
    {
        CallerIdentity(
            type: .iamUser, principalId: principalId ?? DerivedPrincipalID.user(accountId: accountId, userName: userName),
            arn: "arn:aws:iam::\(accountId):user/\(userName)", accountId: accountId, accessKeyId: accessKeyId,
            userName: userName)
    }

    /// An assumed-role session: principalId `ROLEID:SESSION`, `arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`,
    /// sessionContext with a `Role` issuer, and the web identity provider for `AssumeRoleWithWebIdentity`
    /// sessions (whose credentials are never MFA-authenticated: that call takes no MFA).
    public static func assumedRole(
        accountId: String, roleName: String, sessionName: String, roleId: String? = nil, accessKeyId: String?,
        creationDate: Date, mfaAuthenticated: Bool, webIdentity: WebIdFederationData? = nil
    ) -> CallerIdentity {
        let id = roleId ?? DerivedPrincipalID.role(accountId: accountId, roleName: roleName)
        let issuer = SessionIssuer(
            type: "Role", principalId: id, arn: "arn:aws:iam::\(accountId):role/\(roleName)", accountId: accountId,
            userName: roleName)
        return CallerIdentity(
            type: .assumedRole, principalId: "\(id):\(sessionName)",
            arn: "arn:aws:sts::\(accountId):assumed-role/\(roleName)/\(sessionName)", accountId: accountId,
            accessKeyId: accessKeyId,
            sessionContext: SessionContext(
                sessionIssuer: issuer, webIdFederationData: webIdentity, creationDate: creationDate,
                mfaAuthenticated: webIdentity == nil && mfaAuthenticated))
    }

    /// A federated user (GetFederationToken): principalId `ACCT:NAME`, `arn:aws:sts::ACCT:federated-user/NAME`,
    /// sessionContext with the issuing IAM user as an `IAMUser` issuer.
    public static func federatedUser(
        accountId: String, federatedName: String, issuerUserName: String, issuerPrincipalId: String? = nil,
        accessKeyId: String?, creationDate: Date, mfaAuthenticated: Bool
    ) -> CallerIdentity {
        let issuer = SessionIssuer(
            type: "IAMUser",
            principalId: issuerPrincipalId ?? DerivedPrincipalID.user(accountId: accountId, userName: issuerUserName),
            arn: "arn:aws:iam::\(accountId):user/\(issuerUserName)", accountId: accountId, userName: issuerUserName)
        return CallerIdentity(
            type: .federatedUser, principalId: "\(accountId):\(federatedName)",
            arn: "arn:aws:sts::\(accountId):federated-user/\(federatedName)", accountId: accountId,
            accessKeyId: accessKeyId,
            sessionContext: SessionContext(
                sessionIssuer: issuer, creationDate: creationDate, mfaAuthenticated: mfaAuthenticated))
    }

    /// An unsigned caller, as CloudTrail records anonymous S3 requests:
    /// `{"type":"AWSAccount","principalId":"","accountId":"anonymous"}` (seen in a real 2024 S3 data event;
    /// AWS documents no anonymous form, so this is Unverified for DynamoDB, which rejects unsigned calls).
    public static func anonymous() -> CallerIdentity {
        CallerIdentity(type: .awsAccount, principalId: "", arn: nil, accountId: "anonymous", accessKeyId: nil)
    }

    /// The identity a configured entry stands for; names the config leaves out get the defaults below
    /// (role `DynamoTrailRole`, session and federated names = the access key id, issuer `admin`).
    /// A federated user's issuer takes the principal id of the same-named configured IAM user, if any.
    public static func identity(for settings: IdentitySettings, in account: AccountSettings, creationDate: Date)
        -> CallerIdentity
    {
        let acct = account.accountId
        let key = settings.accessKeyId
        switch settings.type {
        case .root:
            return root(accountId: acct, accessKeyId: key, alias: account.alias)
        case .iamUser:
            return iamUser(
                accountId: acct, userName: settings.userName ?? key, principalId: settings.principalId, accessKeyId: key)
        case .assumedRole:
            return assumedRole(
                accountId: acct, roleName: settings.roleName ?? "DynamoTrailRole", sessionName: settings.sessionName ?? key,
                roleId: settings.roleId, accessKeyId: key, creationDate: creationDate,
                mfaAuthenticated: settings.mfaAuthenticated, webIdentity: settings.webIdentity)
        case .federatedUser:
            let issuerName = settings.issuerUserName ?? "admin"
            let issuerId = account.identities.first { $0.type == .iamUser && $0.userName == issuerName }?.principalId
            return federatedUser(
                accountId: acct, federatedName: settings.federatedName ?? key, issuerUserName: issuerName,
                issuerPrincipalId: issuerId, accessKeyId: key, creationDate: creationDate,
                mfaAuthenticated: settings.mfaAuthenticated)
        }
    }
}
