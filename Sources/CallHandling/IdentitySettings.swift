import AWSProtocol

/// One configured identity: its credentials and what CloudTrail should say about it.
public struct IdentitySettings: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case root = "Root"
        case iamUser = "IAMUser"
        case assumedRole = "AssumedRole"
        case federatedUser = "FederatedUser"
    }

    public var type: Kind
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// IAMUser: the user name.
    public var userName: String?
    /// AssumedRole: the role and session names; roleId defaults to one derived from the role name.
    public var roleName: String?
    public var roleId: String?
    public var sessionName: String?
    public var mfaAuthenticated: Bool = false
    /// AssumedRole: set when the session came from `AssumeRoleWithWebIdentity` (GitHub Actions OIDC,
    /// EKS service accounts, Cognito, Google); its records carry `sessionContext.webIdFederationData`.
    public var webIdentity: WebIdFederationData?
    /// FederatedUser: the federated name and the IAM user who called GetFederationToken.
    public var federatedName: String?
    public var issuerUserName: String?
    /// IAMUser: principal id (`AIDA…`); defaults to one derived from the name.
    public var principalId: String?
    /// Actions this identity may not call, e.g. `dynamodb:DeleteTable`, `dynamodb:Describe*`, `dynamodb:*`.
    public var deny: [String] = []

    public init(type: Kind, accessKeyId: String, secretAccessKey: String) {
        self.type = type
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
    }
}
