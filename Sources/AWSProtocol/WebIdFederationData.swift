/// `sessionContext.webIdFederationData`: the identity provider behind a session that
/// `AssumeRoleWithWebIdentity` issued (AWS CloudTrail User Guide: "CloudTrail userIdentity element",
/// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html).
///
/// `federatedProvider` is the IAM OIDC provider's ARN for OIDC providers (GitHub Actions, EKS service
/// accounts) or the provider's name for the built-in ones (`cognito-identity.amazonaws.com`,
/// `accounts.google.com`, `graph.facebook.com`, `www.amazon.com`). `attributes` holds the claims
/// AWS copies into the record, as strings: empty for GitHub Actions and EKS sessions, the
/// `cognito-identity.amazonaws.com:amr`/`:aud`/`:sub` claims for Cognito identity pools (observed in
/// real records).
public struct WebIdFederationData: Sendable, Equatable {
    public var federatedProvider: String
    public var attributes: [String: String]

    public init(federatedProvider: String, attributes: [String: String] = [:]) {
        self.federatedProvider = federatedProvider
        self.attributes = attributes
    }
}
